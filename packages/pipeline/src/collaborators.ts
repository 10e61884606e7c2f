import type { HeraldConfig, Route } from '@herald/config';
import type { Keys, Logger } from '@herald/core';
import {
  createBuiltinShortener,
  createHttpShortener,
  type InstanceLimits,
  noShortener,
  type Shortener,
} from '@herald/format';
import {
  createInstanceLimitsCache,
  createMastodonClient,
  type InstanceLimitsCache,
} from '@herald/mastodon';
import type { AddressGuardOptions } from '@herald/publisher';
import type { Redis } from 'ioredis';

/**
 * The IO collaborators the stages share, built from config in one place. `startHerald`
 * accepts overrides of any of them: the seam tests use instead of mocking modules.
 */
export interface Collaborators {
  /** Instance limits by account target, cached in Redis. */
  limitsCache: InstanceLimitsCache;
  shortenerFor(route: Route): Shortener;
  /** The SSRF guard's options for media fetches; private addresses blocked unless set. */
  mediaGuard: AddressGuardOptions;
}

export function createCollaborators(
  config: HeraldConfig,
  deps: { redis: Redis; keys: Keys; logger: Logger },
): Collaborators {
  const limitsCache = createInstanceLimitsCache(
    {
      redis: deps.redis,
      keys: deps.keys,
      fetchLimits: async (instance) => {
        const client = createMastodonClient({ instance });
        try {
          return (await client.instanceLimits()).data;
        } finally {
          await client.close();
        }
      },
    },
    { ttlMs: 3_600_000 },
  );
  const httpShorteners = new Map<string, Shortener>();
  const builtin = config.server.publicUrl
    ? createBuiltinShortener(
        { store: deps.redis, keys: deps.keys },
        { publicUrl: config.server.publicUrl },
      )
    : undefined;

  return {
    limitsCache,
    shortenerFor(route) {
      const mode = route.links?.shorten ?? 'none';
      if (mode === 'builtin' && builtin) return builtin;
      const http = route.links?.http;
      if (mode === 'http' && http) {
        // One per distinct setting, however many routes share it.
        const key = JSON.stringify(http);
        let shortener = httpShorteners.get(key);
        if (!shortener) {
          shortener = createHttpShortener(http);
          httpShorteners.set(key, shortener);
        }
        return shortener;
      }
      if (mode !== 'none') {
        deps.logger.warn(
          { route: route.id, mode },
          'link shortener not configured; links kept as they are',
        );
      }
      return noShortener;
    },
    mediaGuard: {},
  };
}

/** The limits an account's posts are fitted to (its instance's, cached; defaults for a dry run). */
export function accountLimits(
  config: HeraldConfig,
  cache: Pick<InstanceLimitsCache, 'get'>,
  name: string,
): Promise<InstanceLimits> {
  const account = config.accounts[name];
  if (!account) throw new Error(`unknown account "${name}"`);
  return cache.get({ instance: account.instance, dryRun: account.dryRun });
}
