// Herald's backoff type with a real BullMQ worker and Redis: a job that fails transiently is
// retried after the capped delay, and lands in the failed list once its attempts are spent.
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { jobOptions, workerSettings } from './job-options.ts';

const prefix = `{test-backoff-${randomBytes(4).toString('hex')}}`;
const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const settings = {
  lockDuration: '5s',
  stalledInterval: '5s',
  backoff: '50ms',
  maxBackoff: '100ms',
};

afterAll(async () => {
  const keys = await connection.keys(`${prefix}*`);
  if (keys.length > 0) await connection.del(...keys);
  connection.disconnect();
});

it('retries with Herald’s backoff and keeps the job once attempts are spent', async () => {
  const queue = new Queue('retry', { connection, prefix });
  const events = new QueueEvents('retry', { connection: connection.duplicate(), prefix });
  await events.waitUntilReady();
  const runs: number[] = [];
  const worker = new Worker(
    'retry',
    async (job) => {
      runs.push(Date.now());
      if (job.data.succeedOn === runs.length) return 'ok';
      throw new Error(`transient failure ${runs.length}`);
    },
    { connection, prefix, ...workerSettings(settings) },
  );
  const passes = await queue.add('x', { succeedOn: 3 }, jobOptions({ ...settings, attempts: 5 }));
  expect(await passes.waitUntilFinished(events, 10_000)).toBe('ok');
  expect(runs).toHaveLength(3);
  // Each wait is at least half the capped delay (25 ms, then 50 ms).
  expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(20);
  expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(45);

  runs.length = 0;
  const fails = await queue.add('y', { succeedOn: 99 }, jobOptions({ ...settings, attempts: 2 }));
  await expect(fails.waitUntilFinished(events, 10_000)).rejects.toThrow('transient failure 2');
  expect(await queue.getJobState(fails.id!)).toBe('failed');

  await worker.close();
  await events.close();
  await queue.close();
});
