import type { HeraldConfig, Route } from '@herald/config';
import { routesFor } from '@herald/config';
import { createKeys, HeraldError, type PostPart, type SourceItem } from '@herald/core';
import {
  countStatus,
  createBuiltinShortener,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
  noShortener,
  planPost,
  type Shortener,
  type ShortLinkStore,
} from '@herald/format';
import { previewLimits } from './instance-limits.ts';

/** What one item becomes on one route, as `herald preview` shows it. */
export type RoutePreview = {
  route: string;
  account: string;
  limit: number;
  urlChars: number;
} & (
  | { status: 'post'; notes: string[]; parts: (PostPart & { length: number })[] }
  | { status: 'filtered'; rule: string }
  | { status: 'error'; code: string; reason: string }
);

export interface ItemPreview {
  itemKey: string;
  title?: string;
  url?: string;
  routes: RoutePreview[];
}

export interface PlanRoutesOptions {
  /** Explicit `--max-characters` / `--url-chars`: they win over the instance's values. */
  explicit: { maxCharacters?: number | undefined; urlChars?: number | undefined };
  signal: AbortSignal;
  /** Problems reading an instance's limits (shown on stderr). */
  warn: (message: string) => void;
}

/**
 * Runs the formatter's planner for each item on each of its routes, exactly as the formatter
 * stage would, but touching no Redis: limits come from the instances (Mastodon's defaults
 * for a dry-run account without one), builtin short links are computed in memory, and an
 * external shortener is not called (the note says so).
 */
export async function planRoutes(
  config: HeraldConfig,
  items: SourceItem[],
  options: PlanRoutesOptions,
): Promise<ItemPreview[]> {
  const limitsByInstance = new Map<string, Promise<InstanceLimits>>();
  const limitsFor = (route: Route): Promise<InstanceLimits> => {
    const instance = config.accounts[route.account]?.instance;
    if (!instance) return Promise.resolve(MASTODON_DEFAULT_LIMITS);
    let limits = limitsByInstance.get(instance);
    if (!limits) {
      limits = previewLimits(instance, options.signal, options.warn);
      limitsByInstance.set(instance, limits);
    }
    return limits;
  };

  const previews: ItemPreview[] = [];
  for (const item of items) {
    const routes: RoutePreview[] = [];
    for (const route of routesFor(config, item.source)) {
      const fetched = await limitsFor(route);
      const limits = {
        ...fetched,
        maxCharacters: options.explicit.maxCharacters ?? fetched.maxCharacters,
        urlChars: options.explicit.urlChars ?? fetched.urlChars,
      };
      const base = {
        route: route.id,
        account: route.account,
        limit: limits.maxCharacters,
        urlChars: limits.urlChars,
      };
      const { shortener, note } = previewShortener(config, route);
      try {
        const result = await planPost(item, route, limits, { shortener });
        if (result.status === 'filtered') {
          routes.push({ ...base, status: 'filtered', rule: result.rule });
          continue;
        }
        const parts = result.plan.parts.map((part) => ({
          ...part,
          length: countStatus(part.text, part.spoilerText, limits.urlChars),
        }));
        routes.push({
          ...base,
          status: 'post',
          notes: note ? [...result.notes, note] : result.notes,
          parts,
        });
      } catch (error) {
        if (!(error instanceof HeraldError)) throw error;
        routes.push({ ...base, status: 'error', code: error.code, reason: error.message });
      }
    }
    previews.push({
      itemKey: item.itemKey,
      ...(item.title !== undefined ? { title: item.title } : {}),
      ...(item.url !== undefined ? { url: item.url } : {}),
      routes,
    });
  }
  return previews;
}

/** An in-memory store: the builtin code is derived from the URL, so this shows the real link. */
function memoryStore(): ShortLinkStore {
  const values = new Map<string, string>();
  return {
    async set(key, value) {
      if (values.has(key)) return null;
      values.set(key, value);
      return 'OK';
    },
    async get(key) {
      return values.get(key) ?? null;
    },
    async incr() {
      return 0;
    },
  };
}

function previewShortener(
  config: HeraldConfig,
  route: Route,
): { shortener: Shortener; note?: string } {
  const mode = route.links?.shorten ?? 'none';
  if (mode === 'builtin' && config.server.publicUrl) {
    const keys = createKeys(config.redis.prefix);
    return {
      shortener: createBuiltinShortener(
        { store: memoryStore(), keys },
        { publicUrl: config.server.publicUrl },
      ),
    };
  }
  if (mode === 'http')
    return {
      shortener: noShortener,
      note: 'link: not shortened in a preview (links.shorten: http)',
    };
  return { shortener: noShortener };
}
