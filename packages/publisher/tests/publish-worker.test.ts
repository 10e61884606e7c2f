import { randomBytes } from 'node:crypto';
import {
  BACKOFF_TYPE,
  createKeys,
  createRedis,
  jobOptions,
  type PostPlan,
  publishQueueName,
  workerSettings,
} from '@herald/core';
import { createInstanceLimitsCache, MASTODON_DEFAULT_LIMITS } from '@herald/mastodon';
import { startSandbox } from '@herald/sandbox';
import { type Job, Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPublishWorker } from '../src/index.ts';
import {
  captureLogger,
  eventually,
  type Fault,
  type ProxiedRequest,
  startFaultProxy,
} from './_util.ts';

const connection = createRedis('redis://127.0.0.1:6379', 'worker');
const keys = createKeys(`test-worker-${randomBytes(4).toString('hex')}`);
const workers = {
  lockDuration: '5s',
  stalledInterval: '5s',
  attempts: 3,
  backoff: '100ms',
  maxBackoff: '1s',
};
const cleanups: (() => Promise<unknown>)[] = [];
let accounts = 0;

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(async () => {
  const mine = await connection.keys(keys.custom('*'));
  if (mine.length > 0) await connection.del(...mine);
  await connection.quit();
});

async function setup(
  sandboxOptions: Parameters<typeof startSandbox>[0],
  fault: (req: ProxiedRequest) => Fault = () => 'pass',
) {
  const sandbox = await startSandbox({ port: 0, tokens: ['t1'], ...sandboxOptions });
  cleanups.push(() => sandbox.close());
  const proxy = await startFaultProxy(sandbox.url, fault);
  cleanups.push(proxy.close);
  const name = `acct${++accounts}`;
  const log = captureLogger();
  const publisher = createPublishWorker(
    {
      connection,
      keys,
      logger: log.logger,
      limitsCache: createInstanceLimitsCache({
        redis: connection,
        keys,
        fetchLimits: async () => MASTODON_DEFAULT_LIMITS,
      }),
    },
    { account: { name, instance: proxy.url, token: 't1' }, workers },
  );
  cleanups.push(() => publisher.close());
  const queue = new Queue(publishQueueName(name), { connection, prefix: keys.bullPrefix });
  cleanups.push(() => queue.close());
  const add = (plan: PostPlan, attempts?: number) =>
    queue.add(
      'publish',
      { plan },
      {
        ...jobOptions(workers),
        ...(attempts ? { attempts } : {}),
        jobId: `publish-${randomBytes(8).toString('hex')}`,
      },
    );
  return { sandbox, proxy, name, add, queue, log };
}

const plan = (account: string, text: string, itemKey = `item-${text}`): PostPlan => ({
  account,
  itemKey,
  route: `feed:blog→${account}`,
  parts: [{ index: 0, text, spoilerText: '', visibility: 'public', sensitive: false, media: [] }],
});

async function settled(job: Job) {
  return eventually(async () => {
    const state = await job.getState();
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
}

describe('publish worker', () => {
  it('ends a 422 as failed at once, with the server’s message, no retries', async () => {
    const { sandbox, name, add, queue } = await setup({ rateLimit: 'off', maxCharacters: 20 });
    const job = await add(plan(name, 'This text is much longer than twenty characters'));
    expect(await settled(job)).toBe('failed');
    const failed = (await queue.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/HERALD_MASTODON_TOO_LONG.*character limit of 20 exceeded/);
    expect(sandbox.statuses()).toHaveLength(0);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    let posts = 0;
    const { sandbox, name, add, queue } = await setup({ rateLimit: 'off' }, (req) => {
      if (req.method !== 'POST' || req.path !== '/api/v1/statuses') return 'pass';
      posts += 1;
      return posts <= 2
        ? { status: 500, body: { status: 500, error: 'Internal Server Error' } }
        : 'pass';
    });
    const job = await add(plan(name, 'Eventually posted'));
    expect(await settled(job)).toBe('completed');
    expect((await queue.getJob(job.id!))!.attemptsMade).toBe(3);
    expect(sandbox.statuses()).toHaveLength(1);
  });

  it('pauses on 429 without spending attempts, and posts everything in the end', async () => {
    const limit = { max: 3, windowMs: 1_500 };
    const { sandbox, proxy, name, add, queue } = await setup({ rateLimit: limit });
    // Use up the window first, as another client of the same token would.
    for (let i = 0; i < limit.max; i++) {
      await fetch(`${sandbox.url}/api/v1/accounts/verify_credentials`, {
        headers: { authorization: 'Bearer t1' },
      });
    }
    const jobs = await Promise.all(
      ['one', 'two', 'three', 'four', 'five'].map((text) => add(plan(name, text), 1)),
    );
    for (const job of jobs) expect(await settled(job)).toBe('completed');
    expect(sandbox.statuses()).toHaveLength(5);
    expect(proxy.seen.some((r) => r.status === 429)).toBe(true);
    // Put back to wait while paused (started twice) but one attempt each; and paused, not
    // spinning: a handful of starts in all.
    const fresh = await Promise.all(jobs.map((job) => queue.getJob(job.id!)));
    expect(fresh.map((j) => j?.attemptsMade)).toEqual([1, 1, 1, 1, 1]);
    expect(fresh.some((j) => j!.attemptsStarted > j!.attemptsMade)).toBe(true);
    expect(fresh.reduce((sum, j) => sum + j!.attemptsStarted, 0)).toBeLessThanOrEqual(10);
  });

  it('runs a dry-run account without instance or token, posting nothing', async () => {
    const name = `dry${++accounts}`;
    const log = captureLogger();
    const publisher = createPublishWorker(
      {
        connection,
        keys,
        logger: log.logger,
        limitsCache: createInstanceLimitsCache({
          redis: connection,
          keys,
          fetchLimits: async () => {
            throw new Error('a dry run without instance fetches nothing');
          },
        }),
      },
      { account: { name, dryRun: true }, workers },
    );
    cleanups.push(() => publisher.close());
    const queue = new Queue(publishQueueName(name), { connection, prefix: keys.bullPrefix });
    cleanups.push(() => queue.close());
    const job = await queue.add(
      'publish',
      { plan: plan(name, 'Only logged') },
      jobOptions(workers),
    );
    expect(await settled(job)).toBe('completed');
    expect(await connection.exists(keys.ledger(name))).toBe(0);
    expect(await connection.hlen(keys.dryRun(name))).toBe(1);
    expect(log.lines.find((l) => l.message === 'dry run: would post')?.fields.text).toBe(
      'Only logged',
    );
    // The stall policy of every Herald worker (format and poll use the same settings).
    const { settings, ...locks } = workerSettings(workers);
    expect(publisher.worker.opts).toMatchObject(locks);
    // Herald's capped backoff is known to the worker (an unknown type would fail the job).
    expect(publisher.worker.opts.settings?.backoffStrategy?.(1, BACKOFF_TYPE)).toBeGreaterThan(0);
    expect(settings.backoffStrategy(1, BACKOFF_TYPE)).toBeGreaterThan(0);
    expect(publisher.worker.opts.maxStalledCount).toBe(2);
  });
});
