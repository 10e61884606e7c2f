// The mentions whose `@domain` Mastodon's length validator drops: Account::MENTION_RE scanned by
// Mastodon's Extractor (reference/mastodon-server.md §1.3).
import { codePointLength, type TextEntity } from './entities.ts';

// Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation.
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const USERNAME = '[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*';
const DOMAIN = `[${WORD}]+(?:[.-]+[${WORD}]+)*`;
const MENTION_RE = new RegExp(
  `(?<![=/${WORD}])@(?<mention>(?<username>${USERNAME})(?:@(?<domain>${DOMAIN}))?)`,
  'giu',
);
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
// twitter-text's end_mention_match: a mention may not run on into @, an accented letter or ://.
const AFTER_MENTION_RE = new RegExp(`^(?:[@\\uFF20]|[${LATIN_ACCENTS}]|:\\/\\/)`, 'u');

/** Longest domain part (in code points) that still makes `@user@domain` a mention. */
export const MAX_MENTION_DOMAIN_LENGTH = 253;

/**
 * The `@user` and `@user@domain` mentions Mastodon's validator finds. The `@` may not follow a
 * word character, `/` or `=`; a match followed by `@`, an accented letter or `://`, or with a
 * domain over 253 characters, is consumed but not returned. No TLD is needed.
 */
export function extractMentions(text: string): TextEntity[] {
  if (!/[@\uFF20]/.test(text)) return [];
  const mentions: TextEntity[] = [];
  for (const match of text.matchAll(MENTION_RE)) {
    const { mention, domain } = match.groups!;
    const end = match.index + 1 + mention!.length;
    if (AFTER_MENTION_RE.test(text.slice(end, end + 3))) continue;
    if (domain && codePointLength(domain) > MAX_MENTION_DOMAIN_LENGTH) continue;
    mentions.push({ start: match.index, end, kind: 'mention', value: mention! });
  }
  return mentions;
}
