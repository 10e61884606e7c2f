// Mastodon pins twitter-text 3.1.0, so a URL only earns the flat URL weight when its host ends
// in one of that release's TLDs. We read the lists out of the installed twitter-text@3.1.0 data
// (not its matching code, which differs from Mastodon's) so the two never drift apart.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function tldList(file: string): string[] {
  const pattern = require(`twitter-text/dist/regexp/${file}.js`) as RegExp;
  const source = pattern.source;
  const start = source.indexOf('(?:(?:') + '(?:(?:'.length;
  const end = source.indexOf(')(?=');
  if (start < '(?:(?:'.length || end < start) {
    throw new Error(`twitter-text ${file} has an unexpected shape`);
  }
  return source.slice(start, end).split('|');
}

/** Generic TLDs of twitter-text 3.1.0, in its own order. */
export const GENERIC_TLDS: readonly string[] = tldList('validGTLD');
/** Country-code TLDs of twitter-text 3.1.0, in its own order. */
export const COUNTRY_TLDS: readonly string[] = tldList('validCCTLD');

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const alternation = (list: readonly string[]) => list.map(escapeRegex).join('|');
// A TLD must not run on into something that could still be part of a host.
const TLD_END = '(?=[^0-9a-z@+-]|$)';

/** Regex source (for the `iu` flags) matching the last label of a host Mastodon accepts. */
export const TLD_SOURCE =
  `(?:(?:${alternation(GENERIC_TLDS)})${TLD_END}` +
  `|(?:${alternation(COUNTRY_TLDS)})${TLD_END}` +
  '|(?:xn--[0-9a-z]+))';
