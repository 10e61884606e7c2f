import { type Keys, publishQueueName, QUEUE_FORMAT, QUEUE_POLL } from '@herald/core';
import { Queue } from 'bullmq';
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
