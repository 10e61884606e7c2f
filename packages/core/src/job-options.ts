import type { JobsOptions } from 'bullmq';
import { parseDuration } from './duration.ts';

/** The retry settings of `config.workers` that jobs are added with. */
export interface RetrySettings {
  attempts: number;
  /** First backoff delay, a duration string (`5s`). */
  backoff: string;
}

/**
 * Options every Herald job is added with: transient errors retry with exponential backoff and
 * jitter; completed jobs are pruned; failed jobs are kept forever — they are the dead-letter
 * list, visible and replayable. Rate-limit pauses do not spend attempts.
 */
export function jobOptions(settings: RetrySettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: parseDuration(settings.backoff) ?? 5_000, jitter: 0.5 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
    removeOnFail: false,
  };
}

/** The lock settings of `config.workers` that workers run with. */
export interface LockSettings {
  /** Job lock, a duration string (`30s`); renewed at half of it while the job runs. */
  lockDuration: string;
  /** How often stalled jobs (lock expired: crash, blocked event loop) are looked for. */
  stalledInterval: string;
}

/**
 * BullMQ options every Herald worker runs with, whatever its queue: lock timings from config,
 * and a job that stalls runs again (at-least-once; every hop is idempotent) up to twice before
 * it fails with "job stalled more than allowable limit".
 */
export function workerSettings(settings: LockSettings): {
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
} {
  return {
    lockDuration: parseDuration(settings.lockDuration) ?? 30_000,
    stalledInterval: parseDuration(settings.stalledInterval) ?? 30_000,
    maxStalledCount: 2,
  };
}
