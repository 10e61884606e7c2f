import type { Keys } from '@herald/core';
import type { Redis } from 'ioredis';
import {
  type InstanceLimits,
  limitsFromInstance,
  MASTODON_DEFAULT_LIMITS,
} from './instance-limits.ts';

export interface InstanceLimitsCacheDeps {
  redis: Pick<Redis, 'get' | 'set' | 'del'>;
  keys: Pick<Keys, 'instance'>;
  /** Asks the instance (e.g. `createMastodonClient({ instance }).instanceLimits()`). */
  fetchLimits: (instance: string) => Promise<InstanceLimits>;
}

export interface InstanceLimitsCacheOptions {
  /** How long fetched limits are trusted. @defaultValue 3600000 (1 h) */
  ttlMs?: number;
}

/** Which instance an account posts to; dry-run accounts may have none. */
export interface LimitsTarget {
  instance?: string | undefined;
  dryRun?: boolean | undefined;
}

export interface InstanceLimitsCache {
  /** Limits for an account: cached, else fetched; Mastodon's defaults for a dry run without instance. */
  get(target: LimitsTarget): Promise<InstanceLimits>;
  /** Forgets an instance's limits (after the server rejected a post as too long, say). */
  invalidate(instance: string): Promise<void>;
}

/** Instance limits cached in Redis under `keys.instance(url)`, shared by every process. */
export function createInstanceLimitsCache(
  deps: InstanceLimitsCacheDeps,
  options: InstanceLimitsCacheOptions = {},
): InstanceLimitsCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const keyOf = (instance: string) => deps.keys.instance(new URL(instance).origin);

  return {
    async get(target) {
      if (!target.instance) {
        if (target.dryRun) return MASTODON_DEFAULT_LIMITS;
        throw new TypeError('an account that posts needs an instance');
      }
      const key = keyOf(target.instance);
      const cached = await deps.redis.get(key);
      if (cached) {
        try {
          // Re-read through the parser so an old or foreign entry cannot break callers.
          return limitsFromCached(JSON.parse(cached) as InstanceLimits);
        } catch {
          // Corrupt entry: fetch again below and overwrite it.
        }
      }
      const limits = await deps.fetchLimits(target.instance);
      await deps.redis.set(key, JSON.stringify(limits), 'PX', ttlMs);
      return limits;
    },
    async invalidate(instance) {
      await deps.redis.del(keyOf(instance));
    },
  };
}

function limitsFromCached(value: InstanceLimits): InstanceLimits {
  return limitsFromInstance({
    configuration: {
      statuses: {
        max_characters: value.maxCharacters,
        characters_reserved_per_url: value.urlChars,
        max_media_attachments: value.maxMedia,
      },
      media_attachments: {
        supported_mime_types: value.media?.supportedMimeTypes,
        image_size_limit: value.media?.imageSizeLimit,
        video_size_limit: value.media?.videoSizeLimit,
        description_limit: value.media?.descriptionLimit,
      },
    },
  });
}
