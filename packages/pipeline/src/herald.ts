import type { HeraldConfig } from '@herald/config';
import {
  createKeys,
  createRedis,
  jobId,
  jobOptions,
  type Keys,
  type Logger,
  QUEUE_FORMAT,
  runClassified,
  sha256Hex,
  waitForReady,
  workerSettings,
} from '@herald/core';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { accountLimits, type Collaborators, createCollaborators } from './collaborators.ts';
import { createFormatProcessor } from './format-processor.ts';
import { createLifecycle, workerCloser } from './lifecycle.ts';
import { startPoller } from './poller.ts';
import { startPublishers } from './publishers.ts';
import { createQueues, type QueueSet } from './queues.ts';
import { startWeb } from './web.ts';

export const ROLES = ['web', 'poller', 'formatter', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

export interface StartOptions {
  roles: readonly Role[];
  logger: Logger;
  /** Replaces collaborators (clients, limits, shortener) — the seam tests use. */
  overrides?: Partial<Collaborators>;
  /** How long shutdown waits in all for active jobs before aborting them. @defaultValue 10000 */
  drainMs?: number;
}

export interface RunningHerald {
  /** The web role's address, when it runs. */
  webUrl?: string;
  keys: Keys;
  close(): Promise<void>;
}

/** Shared by every role: connections, queues and the worker settings from config. */
export interface RoleContext {
  config: HeraldConfig;
  keys: Keys;
  logger: Logger;
  /** Fail-fast connection: the webhook answers 503 when Redis is down. */
  producer: Redis;
  /** Waits for Redis; BullMQ workers and the queues they add to use it. */
  workerConnection: Redis;
  producerQueues: QueueSet;
  workerQueues: QueueSet;
  collaborators: Collaborators;
  workerOptions: { lockDuration: number; stalledInterval: number; maxStalledCount: number };
}

/**
 * Starts the given roles in one process. Start order is publisher → formatter → web → poller
 * so that nothing takes in work before what drains it runs (and the poller's first fetch of
 * the demo feed finds the web role listening); `close()` stops in reverse.
 */
export async function startHerald(
  config: HeraldConfig,
  options: StartOptions,
): Promise<RunningHerald> {
  const { logger } = options;
  const keys = createKeys(config.redis.prefix);
  const lifecycle = createLifecycle((name, error) =>
    logger.error({ resource: name, err: (error as Error).message }, 'error while closing'),
  );
  const producer = createRedis(config.redis.url, 'producer');
  producer.on('error', (error) => logger.warn({ err: error.message }, 'redis (producer) error'));
  lifecycle.add({ name: 'redis-producer', close: async () => void producer.disconnect() });
  const workerConnection = createRedis(config.redis.url, 'worker');
  workerConnection.on('error', (error) =>
    logger.warn({ err: error.message }, 'redis (worker) error'),
  );
  lifecycle.add({ name: 'redis-worker', close: async () => void workerConnection.disconnect() });

  const accounts = Object.keys(config.accounts);
  const producerQueues = createQueues(producer, keys, accounts);
  const workerQueues = createQueues(workerConnection, keys, accounts);
  lifecycle.add({
    name: 'queues',
    close: () => Promise.all([producerQueues.close(), workerQueues.close()]).then(() => {}),
  });

  const ctx: RoleContext = {
    config,
    keys,
    logger,
    producer,
    workerConnection,
    producerQueues,
    workerQueues,
    collaborators: {
      ...createCollaborators(config, { redis: workerConnection, keys, logger }),
      ...options.overrides,
    },
    workerOptions: workerSettings(config.workers),
  };
  const running: RunningHerald = {
    keys,
    close: () => lifecycle.closeAll(options.drainMs ?? 10_000),
  };

  try {
    if (options.roles.some((r) => r !== 'web')) await waitForReady(workerConnection, 30_000);
    if (options.roles.includes('publisher')) await startPublishers(ctx, lifecycle);
    if (options.roles.includes('formatter')) startFormatter(ctx, lifecycle);
    if (options.roles.includes('web')) running.webUrl = await startWeb(ctx, lifecycle);
    if (options.roles.includes('poller')) await startPoller(ctx, lifecycle);
  } catch (error) {
    await running.close();
    throw error;
  }
  return running;
}

function startFormatter(ctx: RoleContext, lifecycle: ReturnType<typeof createLifecycle>): void {
  const { config, collaborators, workerQueues } = ctx;
  const options = jobOptions(config.workers);
  const process = createFormatProcessor({
    config,
    logger: ctx.logger,
    instanceLimits: (account) => accountLimits(config, collaborators.limitsCache, account),
    shortenerFor: collaborators.shortenerFor,
    enqueuePublish: async (plan, item) => {
      const id = jobId(
        'publish',
        plan.account,
        plan.itemKey,
        sha256Hex(JSON.stringify(plan.parts)),
      );
      await workerQueues
        .publish(plan.account)
        .add('publish', { plan, item }, { ...options, jobId: id });
    },
  });
  const worker: Worker = new Worker(
    QUEUE_FORMAT,
    (job) => runClassified(worker, () => process(job.data)),
    {
      connection: ctx.workerConnection,
      prefix: ctx.keys.bullPrefix,
      concurrency: 4,
      // Without a limiter BullMQ checks a manual rate limit (`worker.rateLimit`) only in the
      // process that set it; with one, every formatter replica honours the pause.
      limiter: { max: 1_000, duration: 1_000 },
      ...ctx.workerOptions,
    },
  );
  worker.on('error', (error) => ctx.logger.warn({ err: error.message }, 'format worker error'));
  worker.on('failed', (job, error) =>
    ctx.logger.warn(
      { queue: QUEUE_FORMAT, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
      'format job failed',
    ),
  );
  lifecycle.add(workerCloser('format-worker', worker));
}
