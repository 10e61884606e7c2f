import type { MediaRecord } from './ledger.ts';

/**
 * Media uploaded by an attempt whose post then failed, kept in the job's data (by content
 * hash) so the retry attaches them instead of uploading again — media uploads have their own
 * tight throttle (30 per 30 min). Mastodon deletes unattached media after a day, so entries
 * are only reused while fresh.
 */
export interface UploadCacheEntry {
  media: MediaRecord[];
  /** Epoch ms. */
  at: number;
}

export type UploadCache = Record<string, UploadCacheEntry>;

const isRecord = (value: unknown): value is MediaRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as MediaRecord).url === 'string' &&
  typeof (value as MediaRecord).alt === 'string' &&
  typeof (value as MediaRecord).id === 'string';

/** Reads the cache from raw job data (JSON from Redis), dropping anything malformed. */
export function readUploadCache(data: unknown): UploadCache {
  const raw = (data as { uploads?: unknown } | null)?.uploads;
  if (typeof raw !== 'object' || raw === null) return {};
  const cache: UploadCache = {};
  for (const [hash, entry] of Object.entries(raw)) {
    const e = entry as Partial<UploadCacheEntry>;
    if (typeof e?.at === 'number' && Array.isArray(e.media) && e.media.every(isRecord)) {
      cache[hash] = { media: e.media, at: e.at };
    }
  }
  return cache;
}
