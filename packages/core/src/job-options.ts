import type { JobsOptions } from 'bullmq';
import { parseDuration } from './duration.ts';

/** The retry settings of `config.workers` that jobs are added and retried with. */
export interface RetrySettings {
  attempts: number;
  /** First backoff delay, a duration string (`5s`). */
  backoff: string;
  /** Longest wait between two attempts (`15m`); the doubling stops there. */
  maxBackoff: string;
}

/** The name of Herald's backoff type; workers know it through `workerSettings`. */
export const BACKOFF_TYPE = 'herald-capped';

/**
 * Options every Herald job is added with: transient errors retry with a capped exponential
 * backoff; completed jobs are pruned; failed jobs are kept forever — they are the dead-letter
 * list, visible and replayable. Rate-limit pauses do not spend attempts.
 */
export function jobOptions(settings: RetrySettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: BACKOFF_TYPE },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
    removeOnFail: false,
  };
}

/**
 * Wait before attempt `attemptsMade + 1`: `base · 2^(attemptsMade−1)`, capped at `max`, then
 * jittered down by up to half so that jobs failed together do not retry together. The cap is
 * what lets a long outage be ridden out: the default 20 attempts from 5 s doubling to a
 * 15-minute cap span about three hours (BullMQ's plain exponential would wait for days by
 * then, or give up after minutes with fewer attempts).
 */
export function retryDelay(
  attemptsMade: number,
  base: number,
  max: number,
  random = Math.random,
): number {
  const exponential = base * 2 ** Math.max(0, attemptsMade - 1);
  const capped = Math.min(max, exponential);
  return Math.round(capped * (0.5 + random() * 0.5));
}

/** The lock settings of `config.workers` that workers run with. */
export interface LockSettings {
  /** Job lock, a duration string (`30s`); renewed at half of it while the job runs. */
  lockDuration: string;
  /** How often stalled jobs (lock expired: crash, blocked event loop) are looked for. */
  stalledInterval: string;
}

/**
 * BullMQ options every Herald worker runs with, whatever its queue: lock timings from config;
 * a job that stalls runs again (at-least-once; every hop is idempotent) up to twice before it
 * fails with "job stalled more than allowable limit"; and Herald's capped backoff.
 */
export function workerSettings(settings: LockSettings & Omit<RetrySettings, 'attempts'>): {
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
  settings: { backoffStrategy: (attemptsMade: number, type?: string) => number };
} {
  const base = parseDuration(settings.backoff) ?? 5_000;
  const max = parseDuration(settings.maxBackoff) ?? 15 * 60_000;
  return {
    lockDuration: parseDuration(settings.lockDuration) ?? 30_000,
    stalledInterval: parseDuration(settings.stalledInterval) ?? 30_000,
    maxStalledCount: 2,
    settings: {
      // Only called for types BullMQ does not know itself; -1 would mean "do not retry".
      backoffStrategy: (attemptsMade, type) =>
        type === BACKOFF_TYPE ? retryDelay(attemptsMade, base, max) : -1,
    },
  };
}
