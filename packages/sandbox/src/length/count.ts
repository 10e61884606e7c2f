// Mastodon's StatusLengthValidator, re-implemented from reference/mastodon-server.md §1.1:
// count = grapheme clusters of (spoiler_text + countable(text)), both stripped first, where
// countable() turns every URL into a fixed-width placeholder and `@user@domain` into `@user`.
import { removeOverlapping } from './entities.ts';
import { extractMentions } from './mentions.ts';
import { extractUrls } from './urls.ts';

// Ruby's String#strip: NUL, \t, \n, \v, \f, \r and space only (no Unicode spaces).
const RUBY_STRIP_RE = /^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g;
// ActiveSupport's blank?: nothing but Unicode white space.
const BLANK_RE = /^\p{White_Space}*$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What `Status#prepare_contents` (`strip!`) leaves of a text. */
export function rubyStrip(text: string): string {
  return text.replace(RUBY_STRIP_RE, '');
}

/** ActiveSupport's `String#blank?`: empty or only white space. */
export function isBlank(text: string): boolean {
  return BLANK_RE.test(text);
}

/** Extended grapheme clusters, the unit Mastodon counts (`each_grapheme_cluster.size`). */
export function graphemeLength(text: string): number {
  let length = 0;
  for (const _ of graphemes.segment(text)) length++;
  return length;
}

/** The text as the validator measures it: URLs → `x`×urlChars, `@user@domain` → `@user`. */
export function countableText(text: string, urlChars: number): string {
  if (isBlank(text)) return '';
  const entities = removeOverlapping([...extractUrls(text), ...extractMentions(text)]);
  let result = '';
  let cursor = 0;
  for (const entity of entities) {
    result += text.slice(cursor, entity.start);
    result += entity.kind === 'url' ? 'x'.repeat(urlChars) : `@${entity.value.split('@')[0] ?? ''}`;
    cursor = entity.end;
  }
  return result + text.slice(cursor);
}

/**
 * The sandbox's own status length: what Mastodon compares with `max_characters`. The spoiler
 * (content warning) is counted raw in the same budget; both parts are stripped first.
 */
export function countStatusLength(text: string, spoilerText: string, urlChars: number): number {
  return graphemeLength(rubyStrip(spoilerText) + countableText(rubyStrip(text), urlChars));
}
