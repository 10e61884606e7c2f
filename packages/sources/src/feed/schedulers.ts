import type { HeraldConfig } from '@herald/config';
import { type PollJob, parseDuration } from '@herald/core';
import type { Queue } from 'bullmq';

const PREFIX = 'feed-';

/**
 * Poll jobs kept afterwards. BullMQ keeps finished jobs forever by default, and a feed polled
 * every minute makes half a million a year; the feed state records each poll's outcome anyway.
 */
const POLL_RETENTION = {
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};

/** The job scheduler id of a feed. */
export const feedSchedulerId = (feedId: string) => `${PREFIX}${feedId}`;

export type PollQueue = Pick<
  Queue<PollJob>,
  'upsertJobScheduler' | 'getJobSchedulers' | 'removeJobScheduler'
>;

export interface SyncResult {
  upserted: string[];
  removed: string[];
}

/**
 * One job scheduler per configured feed (`feed-<id>`, every `feed.every`), upserted so that
 * running this on every start is idempotent; schedulers of feeds gone from the config are
 * removed. Schedulers not named `feed-…` are left alone.
 */
export async function syncFeedSchedulers(
  queue: PollQueue,
  config: HeraldConfig,
): Promise<SyncResult> {
  const wanted = new Set<string>();
  for (const feed of config.feeds) {
    const id = feedSchedulerId(feed.id);
    wanted.add(id);
    await queue.upsertJobScheduler(
      id,
      { every: parseDuration(feed.every) ?? 600_000 },
      { name: 'poll', data: { feedId: feed.id }, opts: POLL_RETENTION },
    );
  }
  const removed: string[] = [];
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.id ?? scheduler.key;
    if (id.startsWith(PREFIX) && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted: [...wanted], removed };
}
