import { sha256Hex } from './hash.ts';

/** Job kinds; the letter prefix keeps ids from being all digits (BullMQ rejects those). */
export type JobKind = 'poll' | 'format' | 'publish';

/**
 * Job ids are `<kind>-<hex>`: deterministic from what identifies the work, never containing
 * a `:`, so adding the same work twice is deduplicated by BullMQ.
 */
export function jobId(kind: JobKind, ...identity: string[]): string {
  return `${kind}-${sha256Hex(...identity).slice(0, 40)}`;
}
