import type { MediaCandidate } from '@herald/core';
import { permanent } from '@herald/core';
import { cleanText, textToHtml } from '../text.ts';
import { feedItem } from './feed-item.ts';
import { absoluteHttpUrl, add } from './media.ts';
import { isoDate, type ParsedFeed, type ParsedFeedItem } from './parsed-feed.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), mapped to the same items. */
export function parseJsonFeed(text: string, feedUrl: string | undefined): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw permanent('HERALD_FEED_PARSE', `invalid JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) throw permanent('HERALD_FEED_PARSE', 'JSON Feed is not an object');
  const version = str(document.version);
  if (!version?.startsWith('https://jsonfeed.org/version/1')) {
    throw permanent(
      'HERALD_FEED_PARSE',
      `not a JSON Feed (version ${JSON.stringify(version ?? null)})`,
    );
  }
  if (!Array.isArray(document.items))
    throw permanent('HERALD_FEED_PARSE', 'JSON Feed has no items array');

  const link = absoluteHttpUrl(str(document.home_page_url));
  const language = str(document.language);
  const feedAuthor = authorName(document);
  const title = cleanText(str(document.title));
  const base = link ?? feedUrl;
  return {
    ...(title ? { title } : {}),
    ...(link ? { link } : {}),
    ...(language ? { language } : {}),
    items: document.items
      .filter(isObject)
      .map((item) => mapJsonItem(item, { base, feedUrl, language, feedAuthor })),
  };
}

interface JsonContext {
  base: string | undefined;
  feedUrl: string | undefined;
  language: string | undefined;
  feedAuthor: string | undefined;
}

function mapJsonItem(item: Json, context: JsonContext): ParsedFeedItem {
  const id = str(item.id);
  const url =
    absoluteHttpUrl(str(item.url), context.base) ?? absoluteHttpUrl(str(item.external_url));
  const title = cleanText(str(item.title));
  const contentText = str(item.content_text);
  const contentHtml = str(item.content_html) ?? (contentText ? textToHtml(contentText) : undefined);
  const summary = str(item.summary);
  const summaryHtml = summary ? textToHtml(summary) : undefined;
  const publishedAt = isoDate(str(item.date_published));
  const updatedAt = isoDate(str(item.date_modified));
  const author = authorName(item) ?? context.feedAuthor;
  const language = str(item.language) ?? context.language;
  return feedItem(
    {
      id,
      url,
      title,
      contentHtml,
      summaryHtml,
      author,
      publishedAt,
      updatedAt,
      language,
      categories: tags(item),
      media: jsonMedia(item, url ?? context.base),
    },
    context.feedUrl,
  );
}

/** 1.1 has `authors`, 1.0 has `author`. */
function authorName(object: Json): string | undefined {
  const authors = Array.isArray(object.authors) ? object.authors : [object.author];
  for (const author of authors) {
    const name = isObject(author) ? cleanText(str(author.name)) : undefined;
    if (name) return name;
  }
  return undefined;
}

function tags(item: Json): string[] {
  if (!Array.isArray(item.tags)) return [];
  const names = item.tags.map((tag) => cleanText(str(tag))).filter((t): t is string => !!t);
  return [...new Set(names)];
}

/** Attachments (with their titles as alt text), then the item's image and banner image. */
function jsonMedia(item: Json, base: string | undefined): MediaCandidate[] {
  const found: MediaCandidate[] = [];
  for (const attachment of Array.isArray(item.attachments) ? item.attachments : []) {
    if (!isObject(attachment)) continue;
    const alt = cleanText(str(attachment.title));
    add(found, str(attachment.url), base, str(attachment.mime_type), alt);
  }
  add(found, str(item.image), base, undefined, undefined);
  if (found.length === 0) add(found, str(item.banner_image), base, undefined, undefined);
  return found;
}
