import type { SourceItem } from '@herald/core';
import type { ParsedFeedItem } from './parsed-feed.ts';

/**
 * A feed's parsed items as SourceItems: item keys scoped as `feed:<feed id>:<key>` (numeric
 * GUIDs would otherwise collide across feeds), the first of any repeated GUID kept.
 */
export function sourceItemsOf(
  feedId: string,
  feedTitle: string | undefined,
  items: readonly ParsedFeedItem[],
): SourceItem[] {
  const seen = new Set<string>();
  const result: SourceItem[] = [];
  for (const item of items) {
    const itemKey = `feed:${feedId}:${item.itemKey}`;
    if (seen.has(itemKey)) continue;
    seen.add(itemKey);
    result.push({
      ...item,
      source: { kind: 'feed', feedId },
      itemKey,
      ...(feedTitle ? { sourceTitle: feedTitle } : {}),
    });
  }
  return result;
}

/** Newest first by date when every item has one; otherwise feed order (newest first by convention). */
export function newestFirst(items: SourceItem[]): SourceItem[] {
  const dated = items.map((item) => ({ item, time: Date.parse(item.publishedAt ?? '') }));
  if (dated.some((d) => Number.isNaN(d.time))) return [...items];
  return dated.sort((a, b) => b.time - a.time).map((d) => d.item);
}
