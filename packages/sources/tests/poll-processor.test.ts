import {
  createKeys,
  type FormatJob,
  HeraldError,
  jobId,
  parseJob,
  QUEUE_FORMAT,
  silentLogger,
} from '@herald/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFeedState } from '../src/feed/feed-state.ts';
import {
  createPollProcessor,
  type PollProcessorDeps,
  type PollProcessorOptions,
} from '../src/feed/poll-processor.ts';
import type { FormatQueue } from '../src/format-queue.ts';
import {
  deletePrefix,
  feedHandler,
  fixtureText,
  REDIS_URL,
  startServer,
  type TestServer,
  testConfig,
  uniquePrefix,
} from './_util.ts';

interface Entry {
  guid: string;
  title: string;
  date: string;
}

const rss = (entries: Entry[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://example.org/</link>
${entries
  .map(
    (e) =>
      `<item><title>${e.title}</title><link>https://example.org/${e.guid}</link><guid>${e.guid}</guid><pubDate>${new Date(e.date).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

const OLD: Entry[] = [
  { guid: 'post-3', title: 'Third', date: '2025-11-03T10:00:00Z' },
  { guid: 'post-2', title: 'Second', date: '2025-11-02T10:00:00Z' },
  { guid: 'post-1', title: 'First', date: '2025-11-01T10:00:00Z' },
];

const prefix = uniquePrefix('poll');
const keys = createKeys(prefix);
let redis: Redis;
let queue: Queue<FormatJob>;
let server: TestServer;
let body: string;
let feedCounter = 0;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  queue = new Queue<FormatJob>(QUEUE_FORMAT, { connection: redis, prefix: keys.bullPrefix });
  server = await startServer();
});

afterAll(async () => {
  await deletePrefix(redis, prefix);
  await queue.close();
  await server.close();
  redis.disconnect();
});

/** Each test gets its own feed id and path, so state never leaks between tests. */
let feedId: string;
let path: string;
beforeEach(() => {
  feedCounter++;
  feedId = `feed${feedCounter}`;
  path = `/feed${feedCounter}.xml`;
  body = rss(OLD);
  server.route(
    path,
    feedHandler(() => body),
  );
});

const MAIN = { main: { instance: 'https://social.example', token: 't' } };

interface PollerSetup {
  feed?: Record<string, unknown>;
  accounts?: Record<string, unknown>;
  to?: string[];
  url?: string;
  deps?: Partial<PollProcessorDeps>;
  options?: PollProcessorOptions;
}

/** A poll processor for this test's feed; call the result to run one poll job. */
function poller(setup: PollerSetup = {}) {
  const config = testConfig({
    accounts: setup.accounts ?? MAIN,
    feeds: [
      { id: feedId, url: setup.url ?? server.url(path), to: setup.to ?? ['main'], ...setup.feed },
    ],
  });
  const process = createPollProcessor(
    { config, redis, formatQueue: queue, keys, logger: silentLogger, ...setup.deps },
    setup.options,
  );
  return (id = feedId) => process({ data: { feedId: id } });
}

/** Item keys of this test's feed waiting in the format queue, in queue order. */
async function queued(): Promise<string[]> {
  const jobs = await queue.getJobs(['waiting'], 0, -1, true);
  return jobs
    .filter((job) => job.data.item.source.kind === 'feed' && job.data.item.source.feedId === feedId)
    .map((job) => job.data.item.itemKey);
}

const key = (guid: string) => `feed:${feedId}:${guid}`;

describe('poll processor', () => {
  it('first poll enqueues only the newest `backfill` items and records all as seen', async () => {
    const poll = poller({ feed: { backfill: 1 } });
    const result = await poll();
    expect(result).toEqual({ feedId, status: 'polled', items: 3, enqueued: 1, baseline: true });
    expect(await queued()).toEqual([key('post-3')]);
    expect(await redis.zcard(keys.feedSeen(feedId))).toBe(3);
    const state = await readFeedState(redis, keys.feedState(feedId));
    expect(state).toMatchObject({
      errorStreak: 0,
      title: 'Test feed',
      configUrl: server.url(path),
    });
    expect(state.baselineAt).toBeDefined();
  });

  it('posts nothing on the first poll by default (backfill 0)', async () => {
    const poll = poller();
    expect(await poll()).toMatchObject({ status: 'polled', enqueued: 0, baseline: true });
    expect(await queued()).toEqual([]);
  });

  it('enqueues exactly the new item on the next poll, with a valid payload and a deterministic id', async () => {
    const poll = poller();
    await poll();
    body = rss([
      { guid: 'post-4', title: 'Fourth &amp; last', date: '2025-11-04T10:00:00Z' },
      ...OLD,
    ]);
    expect(await poll()).toMatchObject({ status: 'polled', enqueued: 1, baseline: false });
    const jobs = (await queue.getJobs(['waiting'], 0, -1, true)).filter(
      (j) => j.data.item.itemKey === key('post-4'),
    );
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job?.id).toBe(jobId('format', `feed:${feedId}`, key('post-4')));
    const { item } = parseJob('format', job?.data);
    expect(item).toMatchObject({
      source: { kind: 'feed', feedId },
      title: 'Fourth & last',
      url: 'https://example.org/post-4',
      sourceTitle: 'Test feed',
    });
  });

  it('never enqueues duplicates when the same feed is polled many times', async () => {
    const poll = poller({ feed: { backfill: 2 } });
    for (let i = 0; i < 5; i++) await poll();
    body = rss([{ guid: 'post-4', title: 'Fourth', date: '2025-11-04T10:00:00Z' }, ...OLD]);
    await Promise.all([poll(), poll(), poll()]);
    for (let i = 0; i < 3; i++) await poll();
    expect(await queued()).toEqual([key('post-2'), key('post-3'), key('post-4')]);
  });

  it('enqueues several new items oldest first', async () => {
    const poll = poller();
    await poll();
    body = rss([
      { guid: 'post-6', title: 'Sixth', date: '2025-11-06T10:00:00Z' },
      { guid: 'post-5', title: 'Fifth', date: '2025-11-05T10:00:00Z' },
      ...OLD,
    ]);
    await poll();
    expect(await queued()).toEqual([key('post-5'), key('post-6')]);
  });

  it('uses conditional GET once validators are stored', async () => {
    server.route(
      path,
      feedHandler(() => body, { etag: () => '"rev-1"' }),
    );
    const poll = poller();
    await poll();
    expect(await poll()).toEqual({ feedId, status: 'not-modified' });
    expect(server.hits(path).at(-1)?.['if-none-match']).toBe('"rev-1"');
    const state = await readFeedState(redis, keys.feedState(feedId));
    expect(state.etag).toBe('"rev-1"');
  });

  it('records a malformed feed and loses nothing: the next good poll enqueues what is new', async () => {
    const poll = poller();
    await poll();
    body = fixtureText('malformed.xml');
    const error = await poll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldError);
    expect(error).toMatchObject({ code: 'HERALD_FEED_PARSE', kind: 'permanent' });
    let state = await readFeedState(redis, keys.feedState(feedId));
    expect(state.errorStreak).toBe(1);
    expect(state.lastError).toMatch(/^HERALD_FEED_PARSE: malformed feed/);
    await poll().catch(() => {});
    expect((await readFeedState(redis, keys.feedState(feedId))).errorStreak).toBe(2);

    body = rss([{ guid: 'post-4', title: 'Fourth', date: '2025-11-04T10:00:00Z' }, ...OLD]);
    expect(await poll()).toMatchObject({ status: 'polled', enqueued: 1 });
    expect(await queued()).toEqual([key('post-4')]);
    state = await readFeedState(redis, keys.feedState(feedId));
    expect(state.errorStreak).toBe(0);
    expect(state.lastError).toBeUndefined();
  });

  it('enqueues before marking seen: a failure mid-enqueue leaves items to the next poll', async () => {
    let failNext = false;
    const flaky: FormatQueue = {
      add: async (...args) => {
        const job = await queue.add(...args);
        if (failNext) {
          failNext = false;
          throw new Error('connection lost after the first add');
        }
        return job;
      },
    };
    const poll = poller({ deps: { formatQueue: flaky } });
    await poll();
    body = rss([
      { guid: 'post-5', title: 'Fifth', date: '2025-11-05T10:00:00Z' },
      { guid: 'post-4', title: 'Fourth', date: '2025-11-04T10:00:00Z' },
      ...OLD,
    ]);
    failNext = true;
    await expect(poll()).rejects.toThrow('connection lost');
    expect(await redis.zscore(keys.feedSeen(feedId), key('post-4'))).toBeNull();
    expect(await poll()).toMatchObject({ enqueued: 2 });
    expect(await queued()).toEqual([key('post-4'), key('post-5')]);
  });

  it('defers on 429 until Retry-After, without fetching in between', async () => {
    const now = Date.parse('2025-11-14T12:00:00Z');
    let clock = now;
    server.route(path, (_req, res) => res.writeHead(429, { 'retry-after': '600' }).end());
    const poll = poller({ options: { now: () => clock } });
    expect(await poll()).toEqual({ feedId, status: 'deferred' });
    const state = await readFeedState(redis, keys.feedState(feedId));
    expect(state.pausedUntil).toBe(new Date(now + 600_000).toISOString());
    clock = now + 60_000;
    expect(await poll()).toEqual({ feedId, status: 'deferred' });
    expect(server.hits(path)).toHaveLength(1);

    server.route(
      path,
      feedHandler(() => body),
    );
    clock = now + 601_000;
    expect(await poll()).toMatchObject({ status: 'polled' });
    expect((await readFeedState(redis, keys.feedState(feedId))).pausedUntil).toBeUndefined();
  });

  it('stops polling on 410 Gone until the configured URL changes', async () => {
    server.route(path, (_req, res) => res.writeHead(410).end());
    const poll = poller();
    await expect(poll()).rejects.toMatchObject({ code: 'HERALD_FEED_GONE', kind: 'permanent' });
    expect(await poll()).toEqual({ feedId, status: 'gone' });
    expect(server.hits(path)).toHaveLength(1);

    const newPath = `${path}.new`;
    server.route(
      newPath,
      feedHandler(() => body),
    );
    const moved = poller({ url: server.url(newPath) });
    expect(await moved()).toMatchObject({ status: 'polled' });
  });

  it('follows a permanent redirect from then on, but not a temporary one', async () => {
    const target = `${path}.moved`;
    server.route(
      target,
      feedHandler(() => body),
    );
    server.route(path, (_req, res) => res.writeHead(301, { location: target }).end());
    const poll = poller();
    await poll();
    expect((await readFeedState(redis, keys.feedState(feedId))).url).toBe(server.url(target));
    await poll();
    expect(server.hits(path)).toHaveLength(1);
    expect(server.hits(target)).toHaveLength(2);

    const tempPath = `${path}.temp`;
    server.route(tempPath, (_req, res) => res.writeHead(302, { location: target }).end());
    const temp = poller({ url: server.url(tempPath) });
    await temp();
    await temp();
    expect(server.hits(tempPath)).toHaveLength(2);
    expect((await readFeedState(redis, keys.feedState(feedId))).url).toBeUndefined();
  });

  it('keeps a dry-run-only feed apart from the real seen-state', async () => {
    const dry = poller({
      feed: { backfill: 1 },
      accounts: { test: { dryRun: true } },
      to: ['test'],
    });
    expect(await dry()).toMatchObject({ enqueued: 1, baseline: true });
    expect(await redis.exists(keys.feedSeen(feedId), keys.feedState(feedId))).toBe(0);
    expect(await redis.zcard(keys.custom('dryrun', 'feed', feedId, 'seen'))).toBe(3);
    const [dryJob] = await queue
      .getJobs(['waiting'], 0, -1, true)
      .then((jobs) => jobs.filter((j) => j.data.item.itemKey === key('post-3')));
    expect(dryJob?.id).toBe(jobId('format', `dryrun:feed:${feedId}`, key('post-3')));

    // The account turns real: a clean first poll, whose backfill is not blocked by the dry run's job.
    const real = poller({ feed: { backfill: 1 } });
    expect(await real()).toMatchObject({ enqueued: 1, baseline: true });
    expect(await queued()).toEqual([key('post-3'), key('post-3')]);
  });

  it('trims the seen set to the newest keys, keeping everything still in the feed', async () => {
    let clock = Date.now();
    const capped = poller({ options: { seenLimit: 3, now: () => (clock += 1000) } });
    await capped();
    body = rss([
      { guid: 'new-1', title: 'a', date: '2025-12-01T10:00:00Z' },
      { guid: 'new-2', title: 'b', date: '2025-12-02T10:00:00Z' },
      { guid: 'new-3', title: 'c', date: '2025-12-03T10:00:00Z' },
    ]);
    await capped();
    expect((await redis.zrange(keys.feedSeen(feedId), 0, -1)).sort()).toEqual([
      key('new-1'),
      key('new-2'),
      key('new-3'),
    ]);
  });

  it('ignores a feed no longer in the config and rejects malformed job data', async () => {
    const poll = poller();
    expect(await poll('nope')).toEqual({ feedId: 'nope', status: 'unknown-feed' });
    const process = createPollProcessor({
      config: testConfig({ accounts: {} }),
      redis,
      formatQueue: queue,
      keys,
      logger: silentLogger,
    });
    await expect(process({ data: { feed: 1 } })).rejects.toMatchObject({
      code: 'HERALD_BAD_JOB_DATA',
      kind: 'permanent',
    });
  });
});
