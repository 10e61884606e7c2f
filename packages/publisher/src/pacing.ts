import { setTimeout as sleep } from 'node:timers/promises';
import { rateLimited } from '@herald/core';
import type { Pacer, RateLimit, RequestBucket } from '@herald/mastodon';

export interface PacerOptions {
  /** Start spacing requests when fewer than this share of the limit remains. @defaultValue 0.2 */
  paceBelow?: number;
  /**
   * Longest wait taken inside a job; a longer one pauses the account's worker instead
   * (a rate-limited error), so a paused account holds no job. @defaultValue 5000
   */
  maxInlineWaitMs?: number;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface BucketState extends RateLimit {
  /** Earliest time the next request may go, epoch ms. */
  nextAt: number;
}

export const PACED = 'HERALD_MASTODON_PACED';

/**
 * Paces one account by its `X-RateLimit-*` headers (Mastodon.py's "pace" idea): while plenty
 * remains, requests go at once; once the remaining share drops below `paceBelow`, each request
 * is spaced so the rest of the window is used evenly; at zero remaining the request waits for
 * a reset within `maxInlineWaitMs`, else the account pauses until it. State is per bucket (media uploads have their own throttle) and is
 * corrected by every response, so several replicas converge on the server's count.
 */
export function createPacer(options: PacerOptions = {}): Pacer {
  const paceBelow = options.paceBelow ?? 0.2;
  const maxInline = options.maxInlineWaitMs ?? 5_000;
  const now = options.now ?? Date.now;
  const wait =
    options.wait ?? ((ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }));
  const buckets = new Map<RequestBucket, BucketState>();

  return {
    async wait(bucket, signal) {
      const state = buckets.get(bucket);
      if (!state) return;
      let at = now();
      if (at >= state.resetAt) {
        buckets.delete(bucket);
        return;
      }
      if (state.remaining <= 0) {
        // A reset near enough is waited for inside the job, like any short pacing delay:
        // pausing instead would restart the job, and one that needs more requests than a
        // window allows (a reconcile after a crash) would never get through.
        if (state.resetAt - at > maxInline) {
          throw rateLimited(
            PACED,
            `rate limit used up until ${new Date(state.resetAt).toISOString()}`,
            state.resetAt,
          );
        }
        await wait(state.resetAt - at, signal);
        buckets.delete(bucket);
        return;
      }
      if (state.nextAt > at) {
        const delay = state.nextAt - at;
        if (delay > maxInline) {
          throw rateLimited(PACED, `pacing: next request in ${delay} ms`, state.nextAt);
        }
        await wait(delay, signal);
        at = now();
      }
      // Count this request now; the response's headers will correct the estimate.
      state.remaining -= 1;
      state.nextAt =
        state.remaining < state.limit * paceBelow
          ? at + Math.ceil((state.resetAt - at) / (state.remaining + 1))
          : 0;
    },
    observe(bucket, rateLimit) {
      const previous = buckets.get(bucket);
      const at = now();
      const spaced =
        rateLimit.remaining < rateLimit.limit * paceBelow && rateLimit.remaining > 0
          ? at + Math.ceil((rateLimit.resetAt - at) / (rateLimit.remaining + 1))
          : 0;
      buckets.set(bucket, { ...rateLimit, nextAt: Math.max(previous?.nextAt ?? 0, spaced) });
    },
  };
}
