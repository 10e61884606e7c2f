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
