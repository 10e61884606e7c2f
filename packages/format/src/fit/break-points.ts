// Where a text may be cut, and how good each cut is. A cut never falls inside a grapheme
// cluster, a URL (counted or not), a mention or e-mail address, or a hashtag.
import { findUrls } from '../count/find-urls.ts';
import { graphemeBoundaries } from '../count/graphemes.ts';

/** Cut quality, best last: inside a word, between words, after a sentence, the whole text. */
export const CUT_GRAPHEME = 1;
export const CUT_WORD = 2;
export const CUT_SENTENCE = 3;
export const CUT_END = 4;

export interface BreakPoint {
  /** Length of the kept prefix (UTF-16 offset); trailing whitespace is trimmed on rendering. */
  offset: number;
  level: number;
}

export interface Span {
  start: number;
  end: number;
}

// Matched from the at sign; an e-mail's local part is added by walking back (a leading
// `[…]*` would make the search quadratic on long words).
const MENTION_OR_EMAIL = /[@＠][\p{L}\p{M}\p{N}_.-]+(?:[@＠][\p{L}\p{M}\p{N}_.-]+)?/gu;
const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;
const HASHTAG = /[#＃][\p{L}\p{M}\p{N}_\u00B7\u30FB\u200C]+/gu;
const SPACE = /\s/u;
// Scripts written without spaces between words: their word boundaries are as good as spaces.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303F\uFF00-\uFFEF]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Spans that must stay whole: URL-ish tokens, mentions and e-mail addresses, hashtags. */
export function protectedSpans(text: string): Span[] {
  const spans: Span[] = findUrls(text).map(({ start, end }) => ({ start, end }));
  for (const re of [MENTION_OR_EMAIL, HASHTAG]) {
    re.lastIndex = 0;
    for (let match = re.exec(text); match; match = re.exec(text)) {
      const token = match[0].replace(/[.-]+$/, '');
      if (token.length < 2) continue;
      let start = match.index;
      if (re === MENTION_OR_EMAIL) {
        const floor = spans.at(-1)?.end ?? 0;
        while (start > floor && LOCAL_PART.test(text[start - 1]!)) start--;
      }
      spans.push({ start, end: match.index + token.length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Every allowed cut of `text`, sorted by offset, with the best level each offset allows. */
export function breakPoints(text: string): BreakPoint[] {
  const levels = new Map<number, number>();
  const clusterStarts = new Set(graphemeBoundaries(text));
  const offer = (offset: number, level: number) => {
    if (clusterStarts.has(offset) && level > (levels.get(offset) ?? 0)) levels.set(offset, level);
  };
  for (const offset of clusterStarts) offer(offset, CUT_GRAPHEME);
  offer(0, CUT_WORD);
  for (let i = 1; i < text.length; i++) {
    if (SPACE.test(text[i]!) && !SPACE.test(text[i - 1]!)) offer(i, CUT_WORD);
  }
  if (UNSPACED.test(text)) {
    for (const { index } of wordSegmenter.segment(text)) {
      if (index === 0 || SPACE.test(text[index]!) || SPACE.test(text[index - 1]!)) continue;
      if (UNSPACED.test(charBefore(text, index)) || UNSPACED.test(charAt(text, index))) {
        offer(index, CUT_WORD);
      }
    }
  }
  for (const { index } of sentenceSegmenter.segment(text)) {
    if (index === 0) continue;
    let end = index;
    while (end > 0 && SPACE.test(text[end - 1]!)) end--;
    if (end > 0) offer(end, CUT_SENTENCE);
  }
  offer(text.length, CUT_END);

  const inside = new Uint8Array(text.length + 1);
  for (const span of protectedSpans(text)) inside.fill(1, span.start + 1, span.end);
  return [...levels]
    .filter(([offset]) => inside[offset] === 0)
    .map(([offset, level]) => ({ offset, level }))
    .sort((a, b) => a.offset - b.offset);
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

function charBefore(text: string, index: number): string {
  const unit = text.charCodeAt(index - 1);
  const start = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}
