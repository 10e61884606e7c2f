import { readFile } from 'node:fs/promises';
import type { HeraldConfig } from '@herald/config';
import { HeraldError, permanent, type SourceItem } from '@herald/core';
import { fetchFeed, mapGithubEvent, newestFirst, parseFeed, sourceItemsOf } from '@herald/sources';

/** The newest `count` items of a configured feed, fetched now (no conditional GET, no state). */
export async function feedItems(
  config: HeraldConfig,
  feedId: string,
  count: number,
  signal: AbortSignal,
): Promise<SourceItem[]> {
  const feed = config.feeds.find((f) => f.id === feedId);
  if (!feed) {
    const known = config.feeds.map((f) => f.id).join(', ') || 'none';
    throw permanent(
      'HERALD_PREVIEW_NO_FEED',
      `no feed "${feedId}" in the config (feeds: ${known})`,
    );
  }
  const fetched = await fetchFeed(feed.url, {}, { signal });
  if (fetched.status !== 'ok')
    throw permanent('HERALD_PREVIEW_EMPTY', 'the feed answered 304 Not Modified');
  const parsed = await parseFeed(fetched.text, fetched.contentType, { feedUrl: fetched.finalUrl });
  return newestFirst(sourceItemsOf(feed.id, parsed.title, parsed.items)).slice(0, count);
}

/** The items a GitHub event payload (a file, as GitHub delivers it) maps to. */
export async function githubItems(
  config: HeraldConfig,
  event: string,
  payloadFile: string,
): Promise<SourceItem[]> {
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(payloadFile, 'utf8'));
  } catch (error) {
    throw permanent(
      'HERALD_PREVIEW_PAYLOAD',
      `cannot read ${payloadFile} as JSON: ${(error as Error).message}`,
    );
  }
  const outcome = mapGithubEvent(config, event, payload);
  if (outcome.kind !== 'items') {
    throw new HeraldError(`the ${event} event is not posted: ${outcome.reason}`, {
      code: outcome.kind === 'invalid' ? 'HERALD_PREVIEW_PAYLOAD' : 'HERALD_PREVIEW_IGNORED',
      kind: 'permanent',
    });
  }
  return outcome.items;
}
