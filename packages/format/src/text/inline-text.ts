import { htmlToText } from './html-to-text.ts';

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const INLINE_TAG =
  /<\/?(?:a|abbr|b|br|cite|code|del|div|em|i|ins|kbd|mark|p|q|s|small|span|strong|sub|sup|time|u)\b[^>]*>/i;

/**
 * A one-line field (title, author) that may be plain text or HTML, as feeds mix both:
 * decoded and stripped when it carries entities or common inline tags, otherwise kept as is so
 * a title like `Vec<T> in Rust` survives. Whitespace, line breaks included, collapses to spaces.
 */
export function inlineText(value: string): string {
  const text = ENTITY.test(value) || INLINE_TAG.test(value) ? htmlToText(value) : value;
  return text.replace(/\s+/g, ' ').trim();
}
