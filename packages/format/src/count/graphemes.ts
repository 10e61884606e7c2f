// Grapheme clusters, the unit Mastodon counts in (Ruby's `each_grapheme_cluster`).
//
// Node's ICU follows a recent Unicode (17 in Node 24), where rule GB9c (Unicode 15.1) keeps an
// Indic conjunct such as "क्षि" in one cluster. Servers on an older Ruby split it after the
// virama. `countGraphemesLegacy` counts that way, so a fitted post can be checked against the
// larger of the two counts and never exceed an older server's limit.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The conjunct linkers (Indic_Conjunct_Break=Linker) that make ICU join a consonant to the
 * cluster before it: Unicode 15.1's six viramas plus the scripts Unicode 16 and 17 added.
 * A test checks that ICU joins nothing through a mark missing from this list.
 */
export const CONJUNCT_LINKERS: ReadonlySet<number> = new Set([
  0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d, 0x1039, 0x17d2, 0x1a60, 0x1b44, 0x1bab, 0xa9c0,
  0xaaf6, 0x10a3f, 0x11133, 0x113d0, 0x1193e, 0x11a47, 0x11a99, 0x11f42,
]);

const ASCII_ONLY = /^\p{ASCII}*$/u;
// Texts in which every code point is a cluster of its own (CR LF aside): no marks, format
// characters, astral characters (emoji, regional indicators), Hangul jamo, or the few letters
// that extend or prepend (Thai/Lao AM, Malayalam dot reph, halfwidth sound marks).
const SIMPLE =
  /^[^\p{M}\p{Cf}\uD800-\uDFFF\u{10000}-\u{10FFFF}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0E33\u0EB3\u0D4E\uFF9E\uFF9F]*$/u;
const HAS_LINKER =
  /[\u094D\u09CD\u0ACD\u0B4D\u0C4D\u0D4D\u1039\u17D2\u1A60\u1B44\u1BAB\uA9C0\uAAF6\u{10A3F}\u{11133}\u{113D0}\u{1193E}\u{11A47}\u{11A99}\u{11F42}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const ZWJ = 0x200d;

/** Extended grapheme clusters of `text` under the running ICU's Unicode version. */
export function countGraphemes(text: string): number {
  if (ASCII_ONLY.test(text)) return text.length - countCrLf(text);
  if (SIMPLE.test(text)) return text.length - countCrLf(text);
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Grapheme clusters as a server before Unicode 15.1 counts them (no GB9c joins). */
export function countGraphemesLegacy(text: string): number {
  if (!HAS_LINKER.test(text)) return countGraphemes(text);
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    count += 1 + (segment.length > 1 ? conjunctJoins(segment) : 0);
  }
  return count;
}

/** Start offsets (UTF-16) of every cluster, plus `text.length`. */
export function graphemeBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const { index } of segmenter.segment(text)) boundaries.push(index);
  boundaries.push(text.length);
  return boundaries;
}

/** How many letters inside one ICU cluster were attached through a conjunct linker. */
function conjunctJoins(cluster: string): number {
  let joins = 0;
  let afterLinker = false;
  for (const char of cluster) {
    const cp = char.codePointAt(0)!;
    if (CONJUNCT_LINKERS.has(cp)) afterLinker = true;
    else if (afterLinker && LETTER.test(char)) {
      joins++;
      afterLinker = false;
    } else if (cp !== ZWJ && !MARK.test(char)) afterLinker = false;
  }
  return joins;
}

function countCrLf(text: string): number {
  let pairs = 0;
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) pairs++;
  return pairs;
}
