// The HTML `content` and `tags` Mastodon derives from a plain-text status: escaped text in
// paragraphs, URLs and hashtags linked (reference/mastodon-server.md §9 for hashtags).
import { removeOverlapping } from './length/entities.ts';
import { extractUrls } from './length/urls.ts';

// Tag::HASHTAG_RE: `#` not after `/`, `)` or an ASCII word character; the name mixes word
// characters and the separators _ · ・ ZWNJ, and needs at least one letter.
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const SEPARATORS = '_\\u00B7\\u30FB\\u200C';
const ALPHA = '\\p{Alphabetic}';
const FIRST_SEQUENCE =
  `[${WORD}_][${WORD}${SEPARATORS}]*[${ALPHA}${SEPARATORS}]` + `[${WORD}${SEPARATORS}]*[${WORD}_]`;
const LAST_SEQUENCE = `[${WORD}_]*[${ALPHA}][${WORD}_]*`;
const HASHTAG_RE = new RegExp(
  `(?<before>^|[^/)\\w])#(?<name>${FIRST_SEQUENCE}|${LAST_SEQUENCE})`,
  'gimu',
);

interface Hashtag {
  start: number;
  end: number;
  kind: 'hashtag';
  value: string;
}

/** The hashtags Mastodon would find in a status text, with their positions (from the `#`). */
export function extractHashtags(text: string): Hashtag[] {
  const tags: Hashtag[] = [];
  for (const match of text.matchAll(HASHTAG_RE)) {
    let name = match.groups!.name!;
    const start = match.index + match.groups!.before!.length;
    // `#foohttps://…`: the extractor gives the scheme back to the URL.
    if (text.startsWith('://', start + 1 + name.length)) {
      name = name.replace(/^(.+?)(https?)$/i, '$1');
    }
    tags.push({ start, end: start + 1 + name.length, kind: 'hashtag', value: name });
  }
  return tags;
}

/** Distinct lower-cased hashtag names, in order of first appearance. */
export function hashtagNames(text: string): string[] {
  return [...new Set(extractHashtags(text).map((tag) => tag.value.toLowerCase()))];
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

// Mastodon hides the scheme and shortens what it shows to 30 characters.
function linkUrl(url: string): string {
  const prefix = /^[a-z]+:\/\/(?:www\.)?/i.exec(url)?.[0] ?? '';
  const rest = url.slice(prefix.length);
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${hidden ? 'ellipsis' : ''}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

function linkHashtag(name: string, base: string): string {
  const href = `${base}/tags/${encodeURIComponent(name.toLowerCase())}`;
  return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`;
}

/** The `content` HTML of a status: paragraphs, `<br />` for single newlines, links. */
export function renderContent(text: string, base: string): string {
  if (text === '') return '';
  const entities = removeOverlapping([...extractUrls(text), ...extractHashtags(text)]);
  let html = '';
  let cursor = 0;
  for (const entity of entities) {
    html += escapeHtml(text.slice(cursor, entity.start));
    html += entity.kind === 'url' ? linkUrl(entity.value) : linkHashtag(entity.value, base);
    cursor = entity.end;
  }
  html += escapeHtml(text.slice(cursor));
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replaceAll('\n', '<br />')}</p>`)
    .join('');
}
