import type { SourceRef } from '@herald/core';
import type { HeraldConfig, RouteOptions } from './schema.ts';

/** One (source → account) pair with its effective formatting options. */
export interface Route extends RouteOptions {
  /** `feed:<id>` or `github:<owner/name>`, then `→<account>`. */
  id: string;
  account: string;
}

const ROUTE_OPTION_KEYS = [
  'template',
  'overflow',
  'visibility',
  'language',
  'spoiler',
  'sensitive',
  'hashtags',
  'filters',
  'links',
  'mentions',
  'media',
] as const satisfies readonly (keyof RouteOptions)[];

type Target = string | ({ account: string } & RouteOptions);

function expand(sourceId: string, base: RouteOptions, to: Target[]): Route[] {
  return to.map((target) => {
    const own: RouteOptions & { account?: string } = typeof target === 'string' ? {} : target;
    const account = typeof target === 'string' ? target : target.account;
    const options: Record<string, unknown> = {};
    for (const key of ROUTE_OPTION_KEYS) {
      const value = own[key] ?? base[key];
      if (value !== undefined) options[key] = value;
    }
    return { ...(options as RouteOptions), id: `${sourceId}→${account}`, account };
  });
}

/** The routes of a source: its options, overridden per account by object entries in `to:`. */
export function routesFor(config: HeraldConfig, source: SourceRef): Route[] {
  if (source.kind === 'feed') {
    const feed = config.feeds.find((f) => f.id === source.feedId);
    return feed ? expand(`feed:${feed.id}`, feed, feed.to) : [];
  }
  const repos = config.github?.repos ?? [];
  const repo = repos.find((r) => r.repo.toLowerCase() === source.repo.toLowerCase());
  if (!repo?.events.includes(source.event)) return [];
  return expand(`github:${repo.repo}`, repo, repo.to);
}
