import type { HeraldConfig, Route } from '@herald/config';
import type { Keys, Logger } from '@herald/core';
import {
  createBuiltinShortener,
  type InstanceLimits as FormatLimits,
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
  limitsCache: InstanceLimitsCache;
  /** The limits the formatter fits to, for an account name. */
  instanceLimits(account: string): Promise<FormatLimits>;
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
  const builtin = config.server.publicUrl
    ? createBuiltinShortener(
        { store: deps.redis, keys: deps.keys },
        { publicUrl: config.server.publicUrl },
      )
    : undefined;

  return {
    limitsCache,
    async instanceLimits(name) {
      const account = config.accounts[name];
      if (!account) throw new Error(`unknown account "${name}"`);
      // The client's limits carry the formatter's field names, plus media limits it ignores.
      return limitsCache.get({ instance: account.instance, dryRun: account.dryRun });
    },
    shortenerFor(route) {
      const mode = route.links?.shorten ?? 'none';
      if (mode === 'builtin' && builtin) return builtin;
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
