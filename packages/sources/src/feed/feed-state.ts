import type { Keys } from '@herald/core';
import type { Redis } from 'ioredis';

/**
 * A feed's polling state, one Redis hash, plus a sorted set of seen item keys. Times are
 * ISO strings so the dashboard can show them as they are.
 */
export interface FeedState {
  /** The configured URL this state belongs to; when the config changes, the state restarts. */
  configUrl?: string;
  /** Where a permanent redirect (301/308) moved the feed. */
  url?: string;
  /** Validators, verbatim. */
  etag?: string;
  lastModified?: string;
  title?: string;
  errorStreak: number;
  /** `<code>: <message>` of the last failure. */
  lastError?: string;
  lastPollAt?: string;
  nextPollAt?: string;
  /** Set by the first successful poll; until then every poll is a "first" poll. */
  baselineAt?: string;
  /** Retry-After from a 429/503: no poll before this. */
  pausedUntil?: string;
  /** Set on 410 Gone: polling stops until the configured URL changes. */
  goneAt?: string;
}

export interface FeedStateKeys {
  state: string;
  seen: string;
}

/**
 * A feed whose routes all go to dry-run accounts keeps its state apart, so turning an
 * account real later starts from a clean first poll instead of skipping what the dry run saw.
 */
export function feedStateKeys(keys: Keys, feedId: string, dryRunOnly: boolean): FeedStateKeys {
  return dryRunOnly
    ? {
        state: keys.custom('dryrun', 'feed', feedId, 'state'),
        seen: keys.custom('dryrun', 'feed', feedId, 'seen'),
      }
    : { state: keys.feedState(feedId), seen: keys.feedSeen(feedId) };
}

export type FeedStateRedis = Pick<Redis, 'hgetall' | 'zmscore' | 'multi'>;

export async function readFeedState(redis: FeedStateRedis, key: string): Promise<FeedState> {
  const hash = await redis.hgetall(key);
  const { errorStreak, ...rest } = hash;
  return {
    ...(rest as Omit<FeedState, 'errorStreak'>),
    errorStreak: Number(errorStreak ?? 0) || 0,
  };
}

/** The item keys not yet in the seen set. */
export async function unseenKeys(
  redis: FeedStateRedis,
  seenKey: string,
  itemKeys: string[],
): Promise<Set<string>> {
  if (itemKeys.length === 0) return new Set();
  const scores = await redis.zmscore(seenKey, ...itemKeys);
  return new Set(itemKeys.filter((_, i) => scores[i] === null || scores[i] === undefined));
}

/**
 * Ties the state to a (new) configured URL: validators, redirect target, pause and 410 mark
 * belonged to the old URL and are dropped. The seen set stays, so no item is posted twice.
 */
export async function resetForUrl(redis: FeedStateRedis, stateKey: string, configUrl: string) {
  await execOrThrow(
    redis
      .multi()
      .hdel(stateKey, 'url', 'etag', 'lastModified', 'pausedUntil', 'goneAt')
      .hset(stateKey, 'configUrl', configUrl),
  );
}

export interface PollSuccess {
  /** Every item key currently in the feed: marked seen, with the poll time as score. */
  itemKeys: string[];
  now: number;
  /** Fields to set; undefined values are deleted. */
  fields: Partial<Record<keyof FeedState, string | undefined>>;
  /** Seen keys kept; the least recently seen beyond this are dropped. */
  seenLimit: number;
}

/**
 * Marks the feed's items seen and records the poll, in one transaction. Items still in the
 * feed get a fresh score each poll, so trimming only ever drops items that left the feed.
 */
export async function recordPollSuccess(
  redis: FeedStateRedis,
  keys: FeedStateKeys,
  success: PollSuccess,
): Promise<void> {
  const multi = redis.multi();
  if (success.itemKeys.length > 0) {
    multi.zadd(keys.seen, ...success.itemKeys.flatMap((key) => [success.now, key]));
    multi.zremrangebyrank(keys.seen, 0, -(success.seenLimit + 1));
  }
  const set: Record<string, string> = { errorStreak: '0' };
  const remove: string[] = ['lastError', 'pausedUntil', 'goneAt'];
  for (const [field, value] of Object.entries(success.fields)) {
    if (value === undefined) remove.push(field);
    else set[field] = value;
  }
  multi.hset(keys.state, set);
  multi.hdel(keys.state, ...remove);
  await execOrThrow(multi);
}

export interface PollFailure {
  error: string;
  now: number;
  nextPollAt: number;
  pausedUntil?: number;
  /** The feed answered 410 Gone. */
  gone?: boolean;
}

export async function recordPollFailure(
  redis: FeedStateRedis,
  stateKey: string,
  failure: PollFailure,
): Promise<void> {
  const set: Record<string, string> = {
    lastError: failure.error,
    lastPollAt: new Date(failure.now).toISOString(),
    nextPollAt: new Date(failure.nextPollAt).toISOString(),
  };
  if (failure.pausedUntil !== undefined)
    set.pausedUntil = new Date(failure.pausedUntil).toISOString();
  if (failure.gone) set.goneAt = new Date(failure.now).toISOString();
  await execOrThrow(redis.multi().hincrby(stateKey, 'errorStreak', 1).hset(stateKey, set));
}

async function execOrThrow(multi: ReturnType<Redis['multi']>): Promise<void> {
  const results = await multi.exec();
  const failed = results?.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}
