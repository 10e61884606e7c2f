import { createKeys, type PollJob, QUEUE_POLL } from '@herald/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFeedSchedulers } from '../src/feed/schedulers.ts';
import { deletePrefix, REDIS_URL, testConfig, uniquePrefix } from './_util.ts';

const prefix = uniquePrefix('schedulers');
const keys = createKeys(prefix);
let redis: Redis;
let queue: Queue<PollJob>;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  queue = new Queue<PollJob>(QUEUE_POLL, { connection: redis, prefix: keys.bullPrefix });
});

afterAll(async () => {
  await deletePrefix(redis, prefix);
  await queue.close();
  redis.disconnect();
});

const config = (feeds: Array<{ id: string; every: string }>) =>
  testConfig({
    accounts: { main: { instance: 'https://social.example', token: 't' } },
    feeds: feeds.map((f) => ({ ...f, url: `https://example.org/${f.id}.xml`, to: ['main'] })),
  });

async function schedulers() {
  const list = await queue.getJobSchedulers(0, -1, true);
  return Object.fromEntries(
    list.map((s) => [s.key, { every: s.every, name: s.name, data: s.template?.data }]),
  );
}

describe('syncFeedSchedulers', () => {
  it('adds one scheduler per feed, updates intervals, removes feeds gone from the config', async () => {
    await syncFeedSchedulers(
      queue,
      config([
        { id: 'blog', every: '10m' },
        { id: 'news', every: '1h' },
      ]),
    );
    expect(await schedulers()).toEqual({
      'feed-blog': { every: 600_000, name: 'poll', data: { feedId: 'blog' } },
      'feed-news': { every: 3_600_000, name: 'poll', data: { feedId: 'news' } },
    });
    const next = await queue.getJobs(['delayed', 'waiting']);
    expect(next.map((j) => j.data.feedId).sort()).toEqual(['blog', 'news']);
    // Finished polls are pruned, not kept forever (BullMQ's default).
    for (const job of next) {
      expect(job.opts.removeOnComplete).toEqual({ count: 100 });
      expect(job.opts.removeOnFail).toEqual({ age: 604_800, count: 1_000 });
    }

    // Idempotent: running it again changes nothing.
    await syncFeedSchedulers(
      queue,
      config([
        { id: 'blog', every: '10m' },
        { id: 'news', every: '1h' },
      ]),
    );
    expect(Object.keys(await schedulers())).toHaveLength(2);

    const result = await syncFeedSchedulers(
      queue,
      config([
        { id: 'blog', every: '5m' },
        { id: 'podcast', every: '30m' },
      ]),
    );
    expect(result.removed).toEqual(['feed-news']);
    expect(await schedulers()).toEqual({
      'feed-blog': { every: 300_000, name: 'poll', data: { feedId: 'blog' } },
      'feed-podcast': { every: 1_800_000, name: 'poll', data: { feedId: 'podcast' } },
    });
  });

  it('leaves schedulers it does not own alone', async () => {
    await queue.upsertJobScheduler(
      'maintenance',
      { every: 86_400_000 },
      { name: 'other', data: { feedId: 'x' } },
    );
    await syncFeedSchedulers(queue, config([]));
    expect(Object.keys(await schedulers())).toEqual(['maintenance']);
  });
});
