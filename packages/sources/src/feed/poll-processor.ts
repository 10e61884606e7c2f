import { type HeraldConfig, routesFor } from '@herald/config';
import {
  errorKind,
  HeraldError,
  type Keys,
  type Logger,
  parseDuration,
  parseJob,
  type SourceItem,
} from '@herald/core';
import type { JobsOptions } from 'bullmq';
import { enqueueItems, type FormatQueue } from '../format-queue.ts';
import { newestFirst, sourceItemsOf } from './feed-items.ts';
import {
  type FeedState,
  type FeedStateRedis,
  feedStateKeys,
  readFeedState,
  recordPollFailure,
  recordPollSuccess,
  resetForUrl,
  unseenKeys,
} from './feed-state.ts';
import { type FetchFeedOptions, type FetchFeedResult, fetchFeed } from './fetch-feed.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedFeedItem } from './parsed-feed.ts';

export interface PollProcessorDeps {
  config: HeraldConfig;
  redis: FeedStateRedis;
  formatQueue: FormatQueue;
  keys: Keys;
  logger: Logger;
  /** Replaces the HTTP fetch; defaults to `fetchFeed`. */
  fetch?: typeof fetchFeed;
}

export interface PollProcessorOptions {
  /** Timeouts, size cap, user agent for feed fetches. */
  fetch?: Omit<FetchFeedOptions, 'signal' | 'now'>;
  /** Seen item keys kept per feed. @defaultValue 5000 */
  seenLimit?: number;
  /** Options of the format jobs (attempts, backoff, retention); the job id is always ours. */
  jobOptions?: JobsOptions;
  now?: () => number;
}

export type PollStatus = 'polled' | 'not-modified' | 'deferred' | 'gone' | 'unknown-feed';

export interface PollResult {
  feedId: string;
  status: PollStatus;
  /** Items in the feed (polled only). */
  items?: number;
  /** Items put on the format queue. */
  enqueued?: number;
  /** This was the feed's first successful poll. */
  baseline?: boolean;
}

/**
 * The BullMQ processor of the `poll` queue: fetches one feed, enqueues its new items on
 * `format` and only then marks them seen (a crash in between re-enqueues them under the same
 * job ids: at least once, never lost). On the first successful poll only the newest
 * `backfill` items are enqueued and the rest are recorded as seen.
 *
 * Failures are recorded in the feed state and rethrown with their kind, except rate
 * limits: a feed's 429 pauses that feed (until Retry-After), never the whole poll queue.
 */
export function createPollProcessor(deps: PollProcessorDeps, options: PollProcessorOptions = {}) {
  const now = options.now ?? Date.now;
  const fetch = deps.fetch ?? fetchFeed;
  const seenLimit = options.seenLimit ?? 5000;

  return async function processPoll(
    job: { data: unknown },
    _token?: string,
    signal?: AbortSignal,
  ): Promise<PollResult> {
    const { feedId } = parseJob('poll', job.data);
    const feed = deps.config.feeds.find((f) => f.id === feedId);
    if (!feed) {
      deps.logger.warn({ feedId }, 'poll for a feed that is no longer configured');
      return { feedId, status: 'unknown-feed' };
    }
    const dryRunOnly = isDryRunOnly(deps.config, feedId);
    const keys = feedStateKeys(deps.keys, feedId, dryRunOnly);
    let state = await readFeedState(deps.redis, keys.state);
    if (state.configUrl !== feed.url) {
      await resetForUrl(deps.redis, keys.state, feed.url);
      state = { errorStreak: state.errorStreak, configUrl: feed.url, ...baselineOf(state) };
    }

    const startedAt = now();
    if (state.goneAt) return { feedId, status: 'gone' };
    if (state.pausedUntil && Date.parse(state.pausedUntil) > startedAt) {
      return { feedId, status: 'deferred' };
    }
    const every = parseDuration(feed.every) ?? 600_000;

    let fetched: FetchFeedResult;
    let items: ParsedFeedItem[];
    let title: string | undefined;
    try {
      fetched = await fetch(
        state.url ?? feed.url,
        {
          ...(state.etag ? { etag: state.etag } : {}),
          ...(state.lastModified ? { lastModified: state.lastModified } : {}),
        },
        { ...options.fetch, ...(signal ? { signal } : {}), now },
      );
      if (fetched.status === 'ok') {
        const parsed = await parseFeed(fetched.text, fetched.contentType, { feedUrl: feed.url });
        items = parsed.items;
        title = parsed.title;
      } else items = [];
    } catch (error) {
      return failed(error);
    }

    const redirect = fetched.permanentUrl ? { url: fetched.permanentUrl } : {};
    const common = {
      ...redirect,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastPollAt: new Date(startedAt).toISOString(),
      nextPollAt: new Date(startedAt + every).toISOString(),
    };
    if (fetched.permanentUrl) {
      deps.logger.info({ feedId }, 'feed moved permanently; polling its new URL from now on');
    }
    if (fetched.status === 'not-modified') {
      await recordPollSuccess(deps.redis, keys, {
        itemKeys: [],
        now: startedAt,
        fields: common,
        seenLimit,
      });
      return { feedId, status: 'not-modified' };
    }

    const sourceItems = sourceItemsOf(feedId, title, items);
    const itemKeys = sourceItems.map((item) => item.itemKey);
    const unseen = await unseenKeys(deps.redis, keys.seen, itemKeys);
    const baseline = !state.baselineAt;
    const chronological = itemsToEnqueue(sourceItems, unseen, baseline, feed.backfill);

    const sourceId = dryRunOnly ? `dryrun:feed:${feedId}` : `feed:${feedId}`;
    await enqueueItems(deps.formatQueue, sourceId, chronological, options.jobOptions);
    await recordPollSuccess(deps.redis, keys, {
      itemKeys,
      now: startedAt,
      seenLimit,
      fields: {
        ...common,
        ...(title ? { title } : {}),
        ...(baseline ? { baselineAt: new Date(startedAt).toISOString() } : {}),
      },
    });
    deps.logger.info(
      { feedId, items: sourceItems.length, enqueued: chronological.length, baseline, dryRunOnly },
      'feed polled',
    );
    return {
      feedId,
      status: 'polled',
      items: sourceItems.length,
      enqueued: chronological.length,
      baseline,
    };

    async function failed(error: unknown): Promise<PollResult> {
      const failedAt = now();
      const heraldError = error instanceof HeraldError ? error : undefined;
      const kind = errorKind(error);
      const resetAt = kind === 'rate-limited' ? heraldError?.resetAt : undefined;
      await recordPollFailure(deps.redis, keys.state, {
        error: heraldError ? `${heraldError.code}: ${heraldError.message}` : String(error),
        now: failedAt,
        nextPollAt: Math.max(failedAt + every, resetAt ?? 0),
        ...(resetAt !== undefined ? { pausedUntil: resetAt } : {}),
        gone: heraldError?.code === 'HERALD_FEED_GONE',
      });
      deps.logger.warn(
        { feedId, code: heraldError?.code, kind, errorStreak: state.errorStreak + 1 },
        'feed poll failed',
      );
      if (kind === 'rate-limited') return { feedId, status: 'deferred' };
      throw error;
    }
  };
}

/** True when every route of the feed goes to a dry-run account. */
function isDryRunOnly(config: HeraldConfig, feedId: string): boolean {
  const routes = routesFor(config, { kind: 'feed', feedId });
  return routes.length > 0 && routes.every((r) => config.accounts[r.account]?.dryRun === true);
}

function baselineOf(state: FeedState): Pick<FeedState, 'baselineAt'> {
  return state.baselineAt ? { baselineAt: state.baselineAt } : {};
}

/**
 * What a poll enqueues, oldest first: on the baseline poll only the newest `backfill` items
 * (skipping any a crashed earlier attempt already marked seen), afterwards every unseen item.
 */
function itemsToEnqueue(
  items: SourceItem[],
  unseen: Set<string>,
  baseline: boolean,
  backfill: number,
): SourceItem[] {
  const candidates = baseline ? newestFirst(items).slice(0, backfill) : items;
  return newestFirst(candidates.filter((item) => unseen.has(item.itemKey))).reverse();
}
