import { sha256Hex } from '@herald/core';

/** What an item offers for identity, best first. */
export interface ItemIdentity {
  /** RSS `<guid>`, Atom `<id>` (rss-parser's `item.id`), JSON Feed `id`. */
  id?: string;
  link?: string;
  title?: string;
  date?: string;
  contentSnippet?: string;
}

const MAX_RAW_ID = 200;

/**
 * A feed-local item key, stable across polls. GUIDs are unreliable in the wild (empty,
 * duplicated, http↔https flips), so: the id when there is one (an http id normalised to
 * https), else a hash of feed URL + normalised link, else a hash of title + date + snippet.
 */
export function deriveItemKey(item: ItemIdentity, feedUrl = ''): string {
  const id = item.id?.trim();
  if (id) {
    const normalised = id.replace(/^http:\/\//i, 'https://');
    return normalised.length <= MAX_RAW_ID
      ? normalised
      : `id:${sha256Hex(normalised).slice(0, 40)}`;
  }
  const link = item.link?.trim();
  if (link) return `link:${sha256Hex(feedUrl, normalizeLink(link)).slice(0, 40)}`;
  return `content:${sha256Hex(item.title ?? '', item.date ?? '', item.contentSnippet ?? '').slice(0, 40)}`;
}

/** Link identity: https, no fragment, no `utm_*` tracking parameters. */
export function normalizeLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name);
  }
  return url.href;
}
