import { findUrls } from '../links/find-urls.ts';

export type MentionMode = 'neutralize' | 'keep';

export interface NeutralizedText {
  text: string;
  /** How many mentions were defused. */
  count: number;
}

/**
 * U+2060 WORD JOINER, written right after the `@`. Mastodon finds mentions with
 * `(?<![=/[:word:]])@(username)(@domain)?` where a username starts with `[a-z0-9_]`
 * (app/models/account.rb `MENTION_RE`): with an invisible non-word character between `@` and
 * the name, neither the mention processor (no notification, no link) nor the length counter
 * (no `@domain` discount) matches any more. It shows nothing, and unlike a zero-width space it
 * forbids a line break between `@` and the name, so `@alice@example.org` reads as before.
 */
export const MENTION_BREAK = '\u2060';

// Mastodon's mention start: an `@` not after a word character, `/` or `=`, before a username.
const MENTION_START = /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@(?=[a-z0-9_])/giu;

/**
 * Keeps `@user@domain` and `@user` in cross-posted text from mentioning anyone. URLs are left
 * alone (`https://example.com/@alice`), and so are e-mail addresses, which Mastodon never
 * reads as mentions. Idempotent. Mode `keep` returns the text unchanged.
 */
export function neutralizeMentions(
  text: string,
  mode: MentionMode = 'neutralize',
): NeutralizedText {
  if (mode === 'keep' || !text.includes('@')) return { text, count: 0 };
  const urls = findUrls(text);
  let count = 0;
  const out = text.replace(MENTION_START, (at, offset: number) => {
    if (urls.some((span) => offset >= span.start && offset < span.end)) return at;
    count++;
    return `@${MENTION_BREAK}`;
  });
  return { text: out, count };
}
