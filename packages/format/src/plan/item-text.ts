import type { SourceItem } from '@herald/core';
import { htmlToText } from '../text/html-to-text.ts';
import { inlineText } from '../text/inline-text.ts';

/** An item's text fields as plain text, before links and mentions are touched. */
export interface ItemText {
  title: string;
  summary: string;
  content: string;
  author: string;
  /** Event fields (`release.tag`), as the source gave them (plain text). */
  fields: Record<string, string>;
}

/**
 * Plain text of an item: title and author on one line, summary and content from their HTML
 * (relative links resolved against the item's URL). A missing summary falls back to the
 * content, so `{summary}` works for feeds that only carry full content. A GitHub release name
 * that only repeats the tag (`v1.2.0`) is dropped, so the default template does not say it twice.
 */
export function itemText(item: SourceItem): ItemText {
  const baseUrl = item.url;
  const content = item.contentHtml ? htmlToText(item.contentHtml, { baseUrl }) : '';
  const summary = item.summaryHtml ? htmlToText(item.summaryHtml, { baseUrl }) : '';
  const fields = { ...(item.fields ?? {}) };
  const tag = fields['release.tag'];
  const name = fields['release.name'];
  if (tag !== undefined && name !== undefined && sameVersion(tag, name))
    fields['release.name'] = '';
  return {
    title: inlineText(item.title ?? ''),
    summary: summary || content,
    content,
    author: inlineText(item.author ?? ''),
    fields,
  };
}

function sameVersion(tag: string, name: string): boolean {
  const bare = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/^(?:release\s+|version\s+)?v?/, '');
  return bare(tag) === bare(name);
}
