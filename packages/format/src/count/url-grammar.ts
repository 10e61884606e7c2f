// Mastodon's URL grammar for the length validator: twitter-text 3.1.0's `valid_url` as
// Mastodon's `config/initializers/twitter_regex.rb` redefines it (more schemes, a wider path
// and query alphabet), rebuilt here from that description as one JavaScript RegExp. Written
// for the `u` + `i` flags; Ruby's `^` (start of a line) is spelled `^|(?<=\n)`.
import { COUNTRY_TLDS, GENERIC_TLDS } from './tlds.ts';

/** Schemes whose URLs count as `urlChars`; anything else is counted as written. */
export const COUNTED_SCHEMES = [
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

const SPACES = '\\t-\\r \\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const DIRECTIONAL = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
// twitter-text's punctuation list; the gem's spelling leaves the backslash out of it.
const PUNCTUATION = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~';
const CONTROL = '\\x00-\\x1F\\x7F';
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
// Mastodon's extra query alphabet: every non-ASCII code point outside the surrogates,
// specials and non-characters.
const QUERY_UNICODE =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}' +
  '\\u{20000}-\\u{2FFFD}\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}' +
  '\\u{60000}-\\u{6FFFD}\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}' +
  '\\u{A0000}-\\u{AFFFD}\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}' +
  '\\u{E1000}-\\u{EFFFD}\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

const PRECEDING = `(?:[^A-Z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^|(?<=\\n))`;

export const DOMAIN_CHAR = `[^${DIRECTIONAL}${PUNCTUATION}${CONTROL}${INVALID}${SPACES}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_\\-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const TLD_END = '(?![0-9a-z@+\\-])';
const GENERIC_TLD = `(?:(?:${GENERIC_TLDS.join('|')})${TLD_END})`;
const COUNTRY_TLD = `(?:(?:${COUNTRY_TLDS.join('|')})${TLD_END})`;
const PUNYCODE_TLD = '(?:xn--[0-9a-z]+)';
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}(?:${GENERIC_TLD}|${COUNTRY_TLD}|${PUNYCODE_TLD}))`;

// twitter-text's own path alphabet survives inside the parenthesised ending below, because
// Mastodon's initializer interpolates the gem's balanced-parens pattern before replacing it.
const GEM_PATH_CHAR = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\p{Pd}_~&|@${LATIN_ACCENTS}]`;
const GEM_BALANCED = `\\((?:${GEM_PATH_CHAR}+|(?:${GEM_PATH_CHAR}*\\(${GEM_PATH_CHAR}+\\)${GEM_PATH_CHAR}*))\\)`;
const PATH_CHAR = '[^\\p{White_Space}<>()?]';
const BALANCED = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
const PATH_END = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${GEM_BALANCED})`;
const PATH = `(?:(?:${PATH_CHAR}*(?:${BALANCED}${PATH_CHAR}*)*${PATH_END})|(?:${PATH_CHAR}+\\/))`;
const QUERY_CHAR = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${QUERY_UNICODE}]`;
const QUERY_END = `[a-z0-9_&=#/\\-${QUERY_UNICODE}]`;

const SCHEME = `(?:${COUNTED_SCHEMES.join('|')}):\\/\\/`;

/**
 * Groups: 1 = the URL, 2 = scheme (absent for a bare domain, which Mastodon skips but whose
 * match still consumes its text), 3 = domain.
 */
export const URL_SOURCE = `${PRECEDING}((${SCHEME})?(${DOMAIN})(?::[0-9]+)?(?:\\/${PATH}*)?(?:\\?${QUERY_CHAR}*${QUERY_END})?)`;

/** twitter-text's t.co rule: a t.co URL stops after its slug, and a long slug is no URL. */
export const TCO_URL = /^https?:\/\/t\.co\/([a-z0-9]+)/i;
