// Mastodon's StatusLengthValidator, as a pure function: grapheme clusters of
// `spoiler_text + countable(text)`, after Status#prepare_contents strips both.
import { extractCountedEntities } from './entities.ts';
import { countGraphemes, countGraphemesLegacy } from './graphemes.ts';

// Ruby's String#strip removes NUL and ASCII whitespace only (not U+00A0, U+3000, …).
const RUBY_STRIP = /^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g;
// ActiveSupport's String#blank?: only Unicode whitespace.
const BLANK = /^\p{White_Space}*$/u;

/** What `Status#prepare_contents` leaves of a text or spoiler. */
export function stripLikeMastodon(text: string): string {
  return text.replace(RUBY_STRIP, '');
}

/** ActiveSupport's `blank?` for a string. */
export function isBlankLikeMastodon(text: string): boolean {
  return BLANK.test(text);
}

/**
 * The text as the validator measures it: each counted URL replaced by `urlChars` characters,
 * each `@user@domain` by `@user`; blank text measures as the empty string.
 */
export function countableText(text: string, urlChars: number, strict = false): string {
  const stripped = stripLikeMastodon(text);
  if (isBlankLikeMastodon(stripped)) return '';
  const entities = extractCountedEntities(stripped, { strict });
  if (entities.length === 0) return stripped;
  const placeholder = 'x'.repeat(urlChars);
  let result = '';
  let index = 0;
  for (const entity of entities) {
    result += stripped.slice(index, entity.start);
    result += entity.kind === 'url' ? placeholder : `@${entity.account.split('@')[0]}`;
    index = entity.end;
  }
  return result + stripped.slice(index);
}

/**
 * Text and CW as Mastodon stores them: PostStatusService (and UpdateStatusService) move a CW
 * into a blank text, so `{status: "", spoiler_text: "x"}` is counted as the text "x".
 */
function asStored(text: string, spoilerText: string): [text: string, spoiler: string] {
  if (isBlankLikeMastodon(text) && !isBlankLikeMastodon(spoilerText)) return [spoilerText, ''];
  return [text, stripLikeMastodon(spoilerText)];
}

/**
 * Mastodon's count of a status: its CW (counted as written) and its text share one budget.
 * A CW with a blank text is counted as the text, since that is how Mastodon stores it.
 */
export function countStatus(text: string, spoilerText: string, urlChars: number): number {
  const [storedText, spoiler] = asStored(text, spoilerText);
  return countGraphemes(spoiler + countableText(storedText, urlChars));
}

/**
 * The largest count any Mastodon server could give this status, for fitting: the exact count
 * taken again with pre-Unicode-15.1 grapheme rules (Indic conjuncts split), and with URLs
 * whose acceptance depends on the server's IDN library counted as written. Never less than
 * `countStatus`.
 */
export function countStatusConservative(
  text: string,
  spoilerText: string,
  urlChars: number,
): number {
  const [storedText, spoiler] = asStored(text, spoilerText);
  const countable = countableText(storedText, urlChars);
  const strict = countableText(storedText, urlChars, true);
  const count = countGraphemesLegacy(spoiler + countable);
  return strict === countable ? count : Math.max(count, countGraphemesLegacy(spoiler + strict));
}
