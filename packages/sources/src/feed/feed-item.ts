import type { MediaCandidate } from '@herald/core';
import { snippet } from '../text.ts';
import { deriveItemKey } from './item-key.ts';
import type { ParsedFeedItem } from './parsed-feed.ts';

/** What a parser found in one entry, RSS, Atom or JSON Feed alike; empty values are absent. */
export interface EntryFields {
  /** GUID, Atom id or JSON Feed id. */
  id?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  contentHtml?: string | undefined;
  summaryHtml?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  updatedAt?: string | undefined;
  language?: string | undefined;
  categories: string[];
  media: MediaCandidate[];
}

const OPTIONAL = [
  'url',
  'title',
  'contentHtml',
  'summaryHtml',
  'author',
  'publishedAt',
  'updatedAt',
  'language',
] as const;

/** One parsed item: its feed-local key derived from the entry, its empty fields left out. */
export function feedItem(entry: EntryFields, feedUrl: string | undefined): ParsedFeedItem {
  const item: ParsedFeedItem = {
    itemKey: deriveItemKey(
      {
        ...(entry.id ? { id: entry.id } : {}),
        ...(entry.url ? { link: entry.url } : {}),
        ...(entry.title ? { title: entry.title } : {}),
        ...(entry.publishedAt ? { date: entry.publishedAt } : {}),
        contentSnippet: snippet(entry.contentHtml ?? entry.summaryHtml),
      },
      feedUrl,
    ),
    categories: entry.categories,
    media: entry.media,
  };
  for (const field of OPTIONAL) {
    const value = entry[field];
    if (value) item[field] = value;
  }
  return item;
}
