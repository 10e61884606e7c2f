// Every URL-looking token in a text, whether or not Mastodon counts it as a URL. The fitter
// never cuts inside any of them; `recognised` says which ones count as `urlChars`.
import { extractCountedEntities } from './entities.ts';

export interface FoundUrl {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  url: string;
  /** True when Mastodon counts it as `urlChars` characters. */
  recognised: boolean;
}

// Anything with a scheme, a scheme-less URI (mailto:, xmpp:, magnet:, …), or a bare domain
// such as `example.com/path` or `www.example.org`.
const URL_ISH = new RegExp(
  [
    '[a-z][a-z0-9+.\\-]{0,31}:\\/\\/[^\\s<>"]*',
    '(?:mailto|xmpp|magnet|tel|sms|geo|news|urn|data|ftp):[^\\s<>"]+',
    '(?<![\\p{L}\\p{N}@＠._\\-/])(?:[\\p{L}\\p{N}][\\p{L}\\p{N}_\\-]*\\.)+\\p{L}[\\p{L}\\-]*\\p{L}(?::[0-9]+)?(?:[/?#][^\\s<>"]*)?',
  ].join('|'),
  'giu',
);
// Punctuation that ends a sentence rather than the URL, unless a bracket pair needs it.
const TRAILING = /[.,;:!?'"*»”’…\])}>]+$/u;

/** All URL-ish tokens, sorted by start, never overlapping; recognised ones take precedence. */
export function findUrls(text: string): FoundUrl[] {
  const recognised: FoundUrl[] = extractCountedEntities(text)
    .filter((entity) => entity.kind === 'url')
    .map(({ start, end, url }) => ({ start, end, url, recognised: true }));
  const found = [...recognised];
  URL_ISH.lastIndex = 0;
  for (let match = URL_ISH.exec(text); match; match = URL_ISH.exec(text)) {
    const url = trimTrailing(match[0]);
    const start = match.index;
    const end = start + url.length;
    if (url.length < 4 || recognised.some((r) => r.start < end && start < r.end)) continue;
    found.push({ start, end, url, recognised: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

function trimTrailing(url: string): string {
  let result = url;
  for (;;) {
    const trailing = TRAILING.exec(result);
    if (!trailing) return result;
    let keep = result.length - trailing[0].length;
    // Keep a closing bracket that closes one opened inside the URL.
    for (let i = keep; i < result.length; i++) {
      const close = result[i]!;
      const open = close === ')' ? '(' : close === ']' ? '[' : close === '}' ? '{' : undefined;
      if (!open || count(result.slice(0, i), open) <= count(result.slice(0, i), close)) break;
      keep = i + 1;
    }
    if (keep === result.length) return result;
    result = result.slice(0, keep);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
