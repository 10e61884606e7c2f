import type { SourceItem } from '@herald/core';

/**
 * An item as a feed describes it, before the poller ties it to a feed: `itemKey` here is
 * feed-local; the poller scopes it as `feed:<feed id>:<itemKey>`.
 */
export type ParsedFeedItem = Omit<SourceItem, 'source' | 'sourceTitle'>;

export interface ParsedFeed {
  title?: string;
  /** The site the feed belongs to. */
  link?: string;
  language?: string;
  /** In feed order. */
  items: ParsedFeedItem[];
}

/** A date as ISO 8601, or undefined when it does not parse. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
