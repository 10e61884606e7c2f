// The URLs Mastodon's StatusLengthValidator discounts: twitter-text 3.1.0's extractor with
// Mastodon's overrides (config/initializers/twitter_regex.rb), run with
// `extract_url_without_protocol: false`. Written from the behaviour described in
// reference/mastodon-server.md §1.2; the grammar below mirrors that behaviour piece by piece.
import { domainToASCII } from 'node:url';
import { codePointLength, type TextEntity } from './entities.ts';
import { TLD_SOURCE } from './tlds.ts';

const DIRECTIONAL = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
const UNICODE_SPACES =
  '\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const ASCII_PUNCTUATION = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~';
const CONTROL = '\\u0000-\\u001F\\u007F';
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
// Code points allowed in a query string beyond ASCII (IRI ucschar and private use).
const QUERY_UNICODE =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}' +
  '\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}' +
  '\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}' +
  '\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}' +
  '\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

/** The URL schemes Mastodon discounts (PR #7810 and #15013 added the non-HTTP ones). */
export const URL_SCHEMES = [
  'http',
  'https',
  'dat',
  'dweb',
  'ipfs',
  'ipns',
  'ssb',
  'gopher',
  'gemini',
] as const;

// A URL may not be glued to a letter, digit, @, $ or # (ASCII or fullwidth); it is consumed so
// that a URL right after another entity still needs its own separator.
const BEFORE = `(?:[^A-Z0-9@\\uFF20$#\\uFF03${INVALID}]|[${DIRECTIONAL}]|^)`;
const SCHEME = `(?:${URL_SCHEMES.join('|')}):\\/\\/`;

const HOST_CHAR = `[^${DIRECTIONAL}${ASCII_PUNCTUATION}${CONTROL}${INVALID}${UNICODE_SPACES}]`;
const SUBDOMAIN = `(?:(?:${HOST_CHAR}(?:[_-]|${HOST_CHAR})*)?${HOST_CHAR}\\.)`;
const DOMAIN_NAME = `(?:(?:${HOST_CHAR}(?:-|${HOST_CHAR})*)?${HOST_CHAR}\\.)`;
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}${TLD_SOURCE})`;

// Mastodon widened the path characters to "anything but whitespace, <, >, (, ) and ?" and
// narrowed the last character, so trailing punctuation stays outside the URL.
const PATH_CHAR = '[^\\p{White_Space}<>()?]';
const PARENS = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
// The balanced parentheses a path may end with still use twitter-text's narrower characters:
// Mastodon's override reads them before it redefines them.
const OLD_PATH_CHAR = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\p{Pd}_~&|@${LATIN_ACCENTS}]`;
const OLD_PARENS = `\\((?:${OLD_PATH_CHAR}+|(?:${OLD_PATH_CHAR}*\\(${OLD_PATH_CHAR}+\\)${OLD_PATH_CHAR}*))\\)`;
const PATH_END = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${OLD_PARENS})`;
const PATH_SEGMENT = `(?:${PATH_CHAR}*(?:${PARENS}${PATH_CHAR}*)*${PATH_END}|${PATH_CHAR}+\\/)`;
const QUERY_CHAR = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${QUERY_UNICODE}]`;
const QUERY_END = `[a-z0-9_&=#/\\-${QUERY_UNICODE}]`;

const URL_SOURCE =
  `(?<before>${BEFORE})(?<url>(?<scheme>${SCHEME})?(?<domain>${DOMAIN})(?::[0-9]+)?` +
  `(?:\\/${PATH_SEGMENT}*)?(?:\\?${QUERY_CHAR}*${QUERY_END})?)`;
const URL_RE = new RegExp(URL_SOURCE, 'iuy');
const SCHEME_AT_RE = new RegExp(SCHEME, 'iuy');
const TCO_RE = /^https?:\/\/t\.co\/([a-z0-9]+)/i;

/** Longest URL (in code points, IDN-expanded host) that still counts as a URL. */
export const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_LABEL_LENGTH = 63;

/**
 * The URL entities Mastodon's validator finds in a status text: scheme required, host ending in
 * a known TLD, not glued to a preceding letter/digit/@/$/#, trailing punctuation excluded, at
 * most 4096 characters. Candidates without a scheme are matched (and so consume their text) but
 * never returned, exactly like the extractor Mastodon runs.
 */
export function extractUrls(text: string): TextEntity[] {
  if (!text.includes(':')) return [];
  const urls: TextEntity[] = [];
  const canReachDot = dotReach(text);
  // Same as a global scan (leftmost match from the cursor on), but positions from which no
  // host can reach a dot are skipped without running the regex: long runs of text without
  // dots (CJK, say) would otherwise cost quadratic time.
  let position = 0;
  while (position <= text.length) {
    if (!viable(text, position, canReachDot)) {
      position++;
      continue;
    }
    URL_RE.lastIndex = position;
    const match = URL_RE.exec(text);
    if (!match) {
      position++;
      continue;
    }
    position = match.index + Math.max(1, match[0].length);
    const groups = match.groups!;
    if (!groups.scheme) continue;
    let url = groups.url!;
    const tco = TCO_RE.exec(url);
    if (tco) {
      if (tco[1]!.length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    if (!isValidDomain(codePointLength(url), groups.domain!)) continue;
    const start = match.index + groups.before!.length;
    urls.push({ start, end: start + url.length, kind: 'url', value: url });
  }
  return urls;
}

// Code units a host never contains (HOST_CHAR's exclusions, except `-` and `_` which may join
// labels); `.` separates labels.
const NOT_HOST = new Set<number>();
for (const [from, to] of [
  [0x00, 0x2c],
  [0x2f, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x5e],
  [0x60, 0x60],
  [0x7b, 0x7f],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x61c, 0x61c],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200a],
  [0x200e, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x205f],
  [0x2066, 0x2069],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
  [0xfffe, 0xffff],
] as const) {
  for (let code = from; code <= to; code++) NOT_HOST.add(code);
}

/** reach[i]: a `.` follows position i through host characters only (a host could start at i). */
function dotReach(text: string): Uint8Array {
  const reach = new Uint8Array(text.length + 1);
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    reach[i] = code === 0x2e ? 1 : NOT_HOST.has(code) ? 0 : reach[i + 1]!;
  }
  return reach;
}

// A match at `position` starts its host right there (`^`), after one preceding character, or
// after a scheme at either place; a host needs a dot.
function viable(text: string, position: number, reach: Uint8Array): boolean {
  const starts = position === 0 ? [0, 1] : [position + 1];
  return starts.some((start) => {
    if (start > text.length) return false;
    if (reach[start]) return true;
    SCHEME_AT_RE.lastIndex = start;
    const scheme = SCHEME_AT_RE.exec(text);
    return scheme !== null && reach[start + scheme[0].length] === 1;
  });
}

// twitter-text converts the host with IDNA (libidn): a label over 63 characters makes the
// conversion fail and the URL is not a URL; a longer punycode host counts towards 4096.
function isValidDomain(urlLength: number, domain: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  const ascii = /^[\u0000-\u007F]*$/.test(domain) ? domain : domainToASCII(domain);
  if (!ascii) return false;
  if (ascii.split('.').some((label) => label.length === 0 || label.length > MAX_LABEL_LENGTH)) {
    return false;
  }
  const growth = Math.max(0, ascii.length - codePointLength(domain));
  return urlLength + growth <= MAX_URL_LENGTH;
}
