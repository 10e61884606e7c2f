import { UnrecoverableError, Worker } from 'bullmq';
import { HeraldError } from './errors.ts';

/**
 * The one place the error taxonomy becomes BullMQ behaviour:
 * - permanent → `UnrecoverableError`: no retry; the job ends failed with a readable reason;
 * - rate-limited → pause this worker's queue until the reset, then `RateLimitError`
 *   (the job goes back to wait without spending an attempt);
 * - transient (and anything unclassified) → rethrown, so the job's backoff applies.
 */
export async function runClassified<T>(
  worker: Pick<Worker, 'rateLimit'> | undefined,
  work: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HeraldError)) throw error;
    if (error.kind === 'permanent') {
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
    if (error.kind === 'rate-limited' && worker) {
      const waitMs = Math.max(1_000, (error.resetAt ?? now() + 60_000) - now());
      await worker.rateLimit(waitMs);
      throw Worker.RateLimitError();
    }
    throw error;
  }
}
