/**
 * Every Redis key Herald writes, in one place. The prefix is wrapped in a hash tag
 * (`{herald}`) so all keys land in one slot and the same code runs on Redis Cluster.
 */
export interface Keys {
  /** BullMQ `prefix` option: queues live under `{herald}:bull:`. */
  readonly bullPrefix: string;
  feedState(feedId: string): string;
  feedSeen(feedId: string): string;
  webhookDelivery(deliveryId: string): string;
  ledger(account: string): string;
  instance(instanceUrl: string): string;
  shortLink(code: string): string;
  shortLinkClicks(code: string): string;
  /** Dry-run records, apart from the real ledger. */
  dryRun(account: string): string;
  /** Any other key: `{prefix}:<parts joined by :>`. */
  custom(...parts: string[]): string;
}

export function hashTagged(prefix: string): string {
  return prefix.startsWith('{') && prefix.endsWith('}') ? prefix : `{${prefix}}`;
}

export function createKeys(prefix = 'herald'): Keys {
  const p = hashTagged(prefix);
  const key = (...parts: string[]) => [p, ...parts].join(':');
  return {
    bullPrefix: `${p}:bull`,
    feedState: (feedId) => key('feed', feedId, 'state'),
    feedSeen: (feedId) => key('feed', feedId, 'seen'),
    webhookDelivery: (id) => key('github', 'delivery', id),
    ledger: (account) => key('ledger', account),
    instance: (url) => key('instance', url),
    shortLink: (code) => key('link', code),
    shortLinkClicks: (code) => key('link', code, 'clicks'),
    dryRun: (account) => key('dryrun', account),
    custom: (...parts) => key(...parts),
  };
}
