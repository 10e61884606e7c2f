import { jobOptions, QUEUE_POLL, runClassified } from '@herald/core';
import { createPollProcessor, syncFeedSchedulers } from '@herald/sources';
import { Worker } from 'bullmq';
import type { RoleContext } from './herald.ts';
import { type createLifecycle, workerCloser } from './lifecycle.ts';

/** Keeps one job scheduler per configured feed, and runs the poll worker. */
export async function startPoller(
  ctx: RoleContext,
  lifecycle: ReturnType<typeof createLifecycle>,
): Promise<void> {
  const processPoll = createPollProcessor(
    {
      config: ctx.config,
      redis: ctx.workerConnection,
      formatQueue: ctx.workerQueues.format,
      keys: ctx.keys,
      logger: ctx.logger,
    },
    { jobOptions: jobOptions(ctx.config.workers) },
  );
  const worker: Worker = new Worker(
    QUEUE_POLL,
    (job, token, signal) => runClassified(worker, () => processPoll(job, token, signal)),
    {
      connection: ctx.workerConnection,
      prefix: ctx.keys.bullPrefix,
      concurrency: 4,
      ...ctx.workerOptions,
    },
  );
  worker.on('error', (error) => ctx.logger.warn({ err: error.message }, 'poll worker error'));
  lifecycle.add(workerCloser('poll-worker', worker));
  const synced = await syncFeedSchedulers(ctx.workerQueues.poll, ctx.config);
  ctx.logger.info({ ...synced }, 'feed schedulers in step with the config');
}
