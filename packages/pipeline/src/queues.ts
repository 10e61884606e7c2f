import type { HeraldConfig } from '@herald/config';
import { type Keys, parseDuration, publishQueueName, QUEUE_FORMAT, QUEUE_POLL } from '@herald/core';
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** The queues a process adds to; publish queues are created per account on first use. */
export interface QueueSet {
  poll: Queue;
  format: Queue;
  publish(account: string): Queue;
  all(): Queue[];
  close(): Promise<void>;
}

export function createQueues(connection: Redis, keys: Keys, accounts: string[]): QueueSet {
  const options = { connection, prefix: keys.bullPrefix };
  const poll = new Queue(QUEUE_POLL, options);
  const format = new Queue(QUEUE_FORMAT, options);
  const publish = new Map(accounts.map((a) => [a, new Queue(publishQueueName(a), options)]));
  const all = () => [poll, format, ...publish.values()];
  return {
    poll,
    format,
    publish(account) {
      const queue = publish.get(account);
      if (!queue) throw new Error(`no publish queue for account "${account}"`);
      return queue;
    },
    all,
    async close() {
      await Promise.all(all().map((q) => q.close()));
    },
  };
}

/**
 * Retry policy for jobs: exponential backoff with jitter for transient errors; completed jobs
 * pruned, failed jobs kept (they are the dead-letter list `herald failed` shows).
 */
export function jobOptions(workers: HeraldConfig['workers']): JobsOptions {
  return {
    attempts: workers.attempts,
    backoff: { type: 'exponential', delay: parseDuration(workers.backoff) ?? 5_000, jitter: 0.5 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
    removeOnFail: false,
  };
}
