export interface UrlSpan {
  start: number;
  end: number;
  url: string;
}

// The schemes Mastodon's length counter recognises (reference §1.2).
const CANDIDATE = /\b(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\/\/[^\s<>"「」]+/gi;
// Characters a URL may not end with (Mastodon's excluded set); `)` is kept when balanced.
const TRAILING = new Set([...'()?!*"\'「」<>;:=,.$%[]~&|']);

/**
 * The URLs in plain text, with the trailing punctuation a reader (and Mastodon) leaves out:
 * `see https://example.com/a.` yields `https://example.com/a`, while a balanced
 * `…/Primer_(film)` keeps its parenthesis.
 */
export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    let url = match[0];
    while (url.length > 0 && TRAILING.has(url[url.length - 1]!)) {
      if (url.endsWith(')') && count(url, '(') >= count(url, ')')) break;
      url = url.slice(0, -1);
    }
    if (!/:\/\/[^/?#]/.test(url)) continue;
    spans.push({ start: match.index, end: match.index + url.length, url });
  }
  return spans;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Replaces each URL found in `text` by `replace(url)`, leaving the rest untouched. */
export function mapUrls(text: string, replace: (url: string) => string): string {
  let out = '';
  let last = 0;
  for (const span of findUrls(text)) {
    out += text.slice(last, span.start) + replace(span.url);
    last = span.end;
  }
  return out + text.slice(last);
}
