// The entities Mastodon's StatusLengthValidator rewrites before counting: URLs with a counted
// scheme (each becomes `urlChars` characters) and `@user@domain` mentions (counted as
// `@user`). Offsets here are UTF-16 indices into the text; lengths that Ruby measures in
// characters are measured in code points.
import { domainToASCII } from 'node:url';
import { DOMAIN_CHAR, TCO_URL, URL_SOURCE } from './url-grammar.ts';

export interface UrlEntity {
  kind: 'url';
  start: number;
  end: number;
  url: string;
}

export interface MentionEntity {
  kind: 'mention';
  start: number;
  end: number;
  /** `user@domain` or `user`, without the `@`. */
  account: string;
}

export type CountedEntity = UrlEntity | MentionEntity;

export interface ExtractOptions {
  /**
   * Reject URLs whose acceptance depends on the server's IDN library (a non-ASCII domain, or a
   * label over 63 characters). The conservative count uses both answers.
   */
  strict?: boolean;
}

/** twitter-text's cap: a longer URL is no URL (IDN expansion of the domain included). */
export const MAX_URL_LENGTH = 4096;
/** Mastodon's cap on a mention's domain. */
export const MAX_MENTION_DOMAIN_LENGTH = 253;
const MAX_TCO_SLUG_LENGTH = 40;

const URL_RE = new RegExp(URL_SOURCE, 'iuy');
const SCHEME_START = /^(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):/i;
// A domain's characters, dots and the `_`/`-` separators; lone surrogates stand for astral
// characters, which are all domain characters.
const DOMAIN_RUN_CHAR = new RegExp(`^(?:${DOMAIN_CHAR}|[._\\-]|[\\uD800-\\uDFFF])$`, 'u');
// URLs never span ASCII whitespace or U+0085, so the text can be scanned token by token and
// tokens without a colon skipped: the result is the same as scanning the whole text.
const TOKEN_SEPARATOR = /[\t\n\v\f\r \x85]/;

// Ruby's [[:word:]] (Onigmo's Word: Alphabetic, marks, decimal digits, connector
// punctuation), used on both sides of Mastodon's MENTION_RE.
const WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}';
const USERNAME = '[a-z0-9_]+(?:[.\\-]+[a-z0-9_]+)*';
const MENTION_RE = new RegExp(
  `(?<![=/${WORD}])@(${USERNAME}(?:@[${WORD}]+(?:[.\\-]+[${WORD}]+)*)?)`,
  'giu',
);
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
// twitter-text's `end_mention_match`: what may not follow a mention.
const MENTION_END_RE = new RegExp(`^(?:[@＠]|[${LATIN_ACCENTS}]+|:\\/\\/)`, 'iu');
const NON_ASCII = /\P{ASCII}/u;

/** URLs that get the `urlChars` treatment, before de-overlapping with mentions. */
export function extractUrlEntities(text: string, options: ExtractOptions = {}): UrlEntity[] {
  if (!text.includes(':')) return [];
  const found: UrlEntity[] = [];
  let tokenStart = 0;
  while (tokenStart < text.length) {
    let tokenEnd = tokenStart;
    while (tokenEnd < text.length && !TOKEN_SEPARATOR.test(text[tokenEnd]!)) tokenEnd++;
    if (tokenEnd > tokenStart && text.slice(tokenStart, tokenEnd).includes(':')) {
      const from = tokenStart > 0 ? tokenStart - 1 : 0;
      scanUrls(text.slice(from, tokenEnd), from, found, options);
    }
    tokenStart = tokenEnd + 1;
  }
  return found;
}

function scanUrls(chunk: string, offset: number, found: UrlEntity[], options: ExtractOptions) {
  const startsDomain = domainStarts(chunk);
  let position = 0;
  while (position < chunk.length) {
    // A match at `position` is the preceding character there (or a line start) and then a
    // URL: trying the sticky regex only where a URL could begin gives the same matches as
    // Ruby's scan, without its quadratic cost on long runs of letters.
    const canMatch =
      startsDomain[position + 1] ||
      SCHEME_START.test(chunk.slice(position + 1, position + 8)) ||
      ((position === 0 || chunk[position - 1] === '\n') &&
        (startsDomain[position] || SCHEME_START.test(chunk.slice(position, position + 7))));
    if (!canMatch) {
      position++;
      continue;
    }
    URL_RE.lastIndex = position;
    const match = URL_RE.exec(chunk);
    if (!match) {
      position++;
      continue;
    }
    position = match.index + match[0].length;
    const [whole, matchedUrl, scheme, domain] = match;
    // A bare domain is matched (and its text consumed) but never counted as a URL.
    if (!scheme || !matchedUrl || !domain) continue;
    let url = matchedUrl;
    const tco = TCO_URL.exec(url);
    if (tco) {
      if (tco[1]!.length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    if (!isValidDomain(codePoints(url), domain, options)) continue;
    const start = offset + match.index + whole.length - matchedUrl.length;
    found.push({ kind: 'url', start, end: start + url.length, url });
  }
}

/** For each offset: could a domain (a run of domain characters holding a dot) start here? */
function domainStarts(chunk: string): boolean[] {
  const result = new Array<boolean>(chunk.length + 1).fill(false);
  let dotAhead = false;
  for (let i = chunk.length - 1; i >= 0; i--) {
    const char = chunk[i]!;
    if (char === '.') dotAhead = true;
    else if (!DOMAIN_RUN_CHAR.test(char)) dotAhead = false;
    result[i] = dotAhead && char !== '.';
  }
  return result;
}

// twitter-text's is_valid_domain: the URL, with its domain converted to ASCII, is at most
// 4096 characters, and the conversion must succeed.
function isValidDomain(urlLength: number, domain: string, options: ExtractOptions): boolean {
  let length = urlLength;
  if (NON_ASCII.test(domain)) {
    if (options.strict) return false;
    const ascii = domainToASCII(domain);
    if (ascii === '') return false;
    length += Math.max(0, ascii.length - codePoints(domain));
  } else if (options.strict && domain.split('.').some((label) => label.length > 63)) {
    return false;
  }
  return length <= MAX_URL_LENGTH;
}

/** `@user` and `@user@domain` mentions, before de-overlapping with URLs. */
export function extractMentionEntities(text: string): MentionEntity[] {
  if (!text.includes('@')) return [];
  const found: MentionEntity[] = [];
  MENTION_RE.lastIndex = 0;
  for (let match = MENTION_RE.exec(text); match; match = MENTION_RE.exec(text)) {
    const end = match.index + match[0].length;
    if (MENTION_END_RE.test(text.slice(end, end + 3))) continue;
    const account = match[1]!;
    const at = account.indexOf('@');
    if (at !== -1 && codePoints(account.slice(at + 1)) > MAX_MENTION_DOMAIN_LENGTH) continue;
    found.push({ kind: 'mention', start: match.index, end, account });
  }
  return found;
}

/** URL and mention entities as the validator rewrites them: sorted, earliest start wins. */
export function extractCountedEntities(text: string, options: ExtractOptions = {}) {
  const all: CountedEntity[] = [
    ...extractUrlEntities(text, options),
    ...extractMentionEntities(text),
  ].sort((a, b) => a.start - b.start);
  const kept: CountedEntity[] = [];
  for (const entity of all) {
    const previous = kept.at(-1);
    if (!previous || previous.end <= entity.start) kept.push(entity);
  }
  return kept;
}

/** Ruby's String#length: code points. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
