import { decodeHTML, escapeText } from 'entities';

/**
 * Title and category text. Feeds often escape twice (CDATA holding `&#8217;`, Atom
 * `type="html"` titles), so after the XML parser has decoded once we decode HTML entities
 * once more; markup is stripped only where the feed declared the text to be HTML.
 */
export function cleanText(raw: string | undefined, isHtml = false): string | undefined {
  if (raw === undefined) return undefined;
  const withoutTags = isHtml ? raw.replace(/<[^>]*>/g, '') : raw;
  const text = decodeHTML(withoutTags).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeText(text).replace(/\r?\n/g, '<br>\n');
}

/** A short plain-text snippet of HTML, for hashing items that have no id and no link. */
export function snippet(html: string | undefined, length = 200): string {
  if (!html) return '';
  return decodeHTML(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, length);
}
