import type { HeraldConfig } from '@herald/config';
import {
  type Keys,
  type Logger,
  type PostPlan,
  publishQueueName,
  type SourceItem,
  workerSettings,
} from '@herald/core';
import {
  createMastodonClient,
  type InstanceLimits,
  type InstanceLimitsCache,
  type MastodonClient,
  type UploadOptions,
} from '@herald/mastodon';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AddressGuardOptions } from './media/guarded-dispatcher.ts';
import { createMediaFetcher, type MediaFetcher } from './media/media-fetcher.ts';
import { createPacer, type PacerOptions } from './pacing.ts';
import { createPublishProcessor, type PublishOptions, type PublishResult } from './processor.ts';

/** One configured account, as the publisher needs it. */
export interface PublishAccount {
  name: string;
  instance?: string | undefined;
  /** Never logged. */
  token?: string | undefined;
  dryRun?: boolean | undefined;
}

export interface PublishWorkerDeps {
  /** A worker-role connection (`createRedis(url, 'worker')`); the caller closes it. */
  connection: Redis;
  keys: Keys;
  logger: Logger;
  limitsCache: InstanceLimitsCache;
  refit?: (plan: PostPlan, margin: number, item?: SourceItem) => Promise<PostPlan>;
  /** Overrides for tests; built from the account otherwise. */
  client?: MastodonClient;
  media?: MediaFetcher;
}

export interface PublishWorkerOptions {
  account: PublishAccount;
  workers: HeraldConfig['workers'];
  /** The SSRF guard's escape hatch; OFF unless set (tests, offline demo). */
  media?: AddressGuardOptions;
  pacing?: PacerOptions;
  upload?: UploadOptions;
  /** Jobs of this account processed at once. @defaultValue 1 (posts stay in order) */
  concurrency?: number;
  /** @defaultValue 30000 */
  fetchTimeoutMs?: number;
  publish?: Omit<PublishOptions, 'account' | 'dryRun'>;
}

export interface PublishWorker {
  readonly worker: Worker;
  close(): Promise<void>;
}

/**
 * Builds the BullMQ Worker of one account's publish queue: its own client and pacer (each
 * account is paced on its own), the processor, lock timings from `config.workers`, and a
 * limiter — without `limiter.max` BullMQ never checks the manual rate limit that
 * `worker.rateLimit()` sets, so a 429 would not pause the queue. The limiter's own budget is
 * far above any Mastodon limit: the real pacing comes from the server's headers.
 */
export function createPublishWorker(
  deps: PublishWorkerDeps,
  options: PublishWorkerOptions,
): PublishWorker {
  const { account } = options;
  const dryRun = account.dryRun === true;
  const owned: { close(): Promise<void> }[] = [];

  let client = deps.client;
  if (!client && !dryRun) {
    if (!account.instance || !account.token) {
      throw new TypeError(`account ${account.name} needs an instance and a token`);
    }
    client = createMastodonClient({
      instance: account.instance,
      token: account.token,
      fetchTimeoutMs: options.fetchTimeoutMs,
      pacer: createPacer(options.pacing),
      upload: options.upload,
    });
    owned.push(client);
  }
  let media = deps.media;
  if (!media) {
    media = createMediaFetcher(options.media);
    owned.push(media);
  }
  const limits = (): Promise<InstanceLimits> =>
    deps.limitsCache.get({ instance: account.instance, dryRun });

  // The processor pauses the queue through the worker, which exists only after it.
  let worker: Worker | undefined;
  const processor = createPublishProcessor(
    {
      redis: deps.connection,
      keys: deps.keys,
      logger: deps.logger,
      client,
      limits,
      media,
      refit: deps.refit,
      rateLimiter: { rateLimit: (ms: number) => worker!.rateLimit(ms) },
    },
    { ...options.publish, account: account.name, dryRun },
  );

  worker = new Worker<unknown, PublishResult>(publishQueueName(account.name), processor, {
    connection: deps.connection,
    prefix: deps.keys.bullPrefix,
    concurrency: options.concurrency ?? 1,
    ...workerSettings(options.workers),
    limiter: { max: 1_000, duration: 1_000 },
  });
  worker.on('error', (error) => {
    deps.logger.error({ account: account.name, error: error.message }, 'publish worker error');
  });
  // A stalled job runs again (at-least-once): the ledger and Idempotency-Key make that safe.
  worker.on('stalled', (jobId) => {
    deps.logger.warn({ account: account.name, jobId }, 'publish job stalled; it will run again');
  });
  worker.on('failed', (job, error) => {
    deps.logger.warn(
      { account: account.name, jobId: job?.id, attempts: job?.attemptsMade, reason: error.message },
      'publish job failed',
    );
  });

  const running = worker;
  return {
    worker: running,
    async close() {
      await running.close();
      await Promise.all(owned.map((o) => o.close()));
    },
  };
}
