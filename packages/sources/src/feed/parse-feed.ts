import { HeraldError, permanent } from '@herald/core';
import { parseJsonFeed } from './parse-json-feed.ts';
import { parseXmlFeed } from './parse-xml-feed.ts';
import type { ParsedFeed } from './parsed-feed.ts';

export interface ParseFeedOptions {
  /** The feed's configured URL: base for relative links and scope of link-derived keys. */
  feedUrl?: string;
}

/**
 * Parses RSS, Atom or JSON Feed text. A malformed feed is a permanent error for this poll
 * (`HERALD_FEED_PARSE`, with the parser's reason on one line); the feed keeps being polled.
 */
export async function parseFeed(
  text: string,
  contentType?: string,
  options: ParseFeedOptions = {},
): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '');
  if (isJson(body, contentType)) return parseJsonFeed(body, options.feedUrl);
  try {
    return await parseXmlFeed(body, options.feedUrl);
  } catch (error) {
    if (error instanceof HeraldError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw permanent('HERALD_FEED_PARSE', `malformed feed: ${reason.replace(/\s*\n\s*/g, ', ')}`, {
      cause: error,
    });
  }
}

function isJson(text: string, contentType: string | undefined): boolean {
  const first = /\S/.exec(text)?.[0];
  if (first === '{') return true;
  if (first === '<') return false;
  return /\bjson\b/i.test(contentType ?? '');
}
