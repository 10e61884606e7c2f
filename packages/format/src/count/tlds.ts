// The TLD lists Mastodon's URL extraction accepts: twitter-text 3.1.0's generic and country
// lists (the gem Mastodon pins ships the same data as the npm package of that version).
// Read from the installed package rather than copied, so the data has one source.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The package stores each list as one alternation: `(?:(?:a|b|…)(?=[^0-9a-zA-Z@+-]|$))`.
const PREFIX = '(?:(?:';
const SUFFIX = ')(?=[^0-9a-zA-Z@+-]|$))';

function loadList(file: string): readonly string[] {
  const value: unknown = require(`twitter-text/dist/regexp/${file}.js`);
  if (!(value instanceof RegExp)) throw new Error(`twitter-text ${file} is not a RegExp`);
  const { source } = value;
  if (!source.startsWith(PREFIX) || !source.endsWith(SUFFIX)) {
    throw new Error(`twitter-text ${file} has an unexpected shape`);
  }
  const list = source.slice(PREFIX.length, -SUFFIX.length).split('|');
  if (list.some((tld) => tld === '' || /[\\()[\]?*+.{}^$]/.test(tld))) {
    throw new Error(`twitter-text ${file} holds an entry that is not a plain TLD`);
  }
  return Object.freeze(list);
}

/** Generic TLDs (com, org, みんな, …) in the package's order. */
export const GENERIC_TLDS: readonly string[] = loadList('validGTLD');
/** Country-code TLDs (de, uk, 한국, …) in the package's order. */
export const COUNTRY_TLDS: readonly string[] = loadList('validCCTLD');
