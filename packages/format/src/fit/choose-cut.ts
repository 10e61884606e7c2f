import { type BreakPoint, CUT_GRAPHEME, CUT_SENTENCE, CUT_WORD } from './break-points.ts';

/** A sentence end wins over a later word end when it keeps at least this share of the text. */
const SENTENCE_SHARE = 0.6;

/**
 * The best offset after `from` at which the kept text fits: everything if it fits, else the
 * last sentence end (unless it keeps much less than the last word end), else the last word
 * end, else the last cluster boundary; `from` itself only when `allowEmpty`.
 */
export function chooseCut(
  points: readonly BreakPoint[],
  fits: (offset: number) => boolean,
  from: number,
  allowEmpty: boolean,
): number | undefined {
  const memo = new Map<number, boolean>();
  const fitsAt = (offset: number) => {
    const known = memo.get(offset);
    if (known !== undefined) return known;
    const result = fits(offset);
    memo.set(offset, result);
    return result;
  };
  const first = firstAfter(points, from);
  const lastFitting = (level: number) => largestFitting(candidates(points, first, level), fitsAt);

  // The whole rest is the last word-level candidate, so this also answers "does it all fit".
  const word = lastFitting(CUT_WORD);
  if (word !== undefined && word === points.at(-1)?.offset) return word;
  const sentence = lastFitting(CUT_SENTENCE);
  if (sentence !== undefined && word !== undefined) {
    return sentence - from >= SENTENCE_SHARE * (word - from) ? sentence : word;
  }
  const cut = word ?? lastFitting(CUT_GRAPHEME);
  if (cut !== undefined) return cut;
  return allowEmpty && fitsAt(from) ? from : undefined;
}

function firstAfter(points: readonly BreakPoint[], from: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.offset > from) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The offsets of `level` or better from index `start` on, filtered only as far as read. */
function candidates(points: readonly BreakPoint[], start: number, level: number) {
  const offsets: number[] = [];
  let next = start;
  return (index: number): number | undefined => {
    while (offsets.length <= index && next < points.length) {
      const point = points[next++]!;
      if (point.level >= level) offsets.push(point.offset);
    }
    return offsets[index];
  };
}

// Fitting is monotone in practice (a longer prefix never counts less once URLs and mentions
// are whole), so a galloping search finds the last fitting offset while measuring mostly short
// prefixes and reading only the candidates it needs; each answer is a real check.
function largestFitting(
  offsetAt: (index: number) => number | undefined,
  fits: (offset: number) => boolean,
): number | undefined {
  let good = -1;
  let bad = -1;
  for (let step = 1; bad === -1; step *= 2) {
    const offset = offsetAt(good + step);
    if (offset === undefined) {
      bad = good + step;
      // Past the end: the last index is somewhere between good and good + step.
      while (bad - 1 > good && offsetAt(bad - 1) === undefined) bad--;
    } else if (fits(offset)) good += step;
    else bad = good + step;
  }
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (fits(offsetAt(middle)!)) good = middle;
    else bad = middle;
  }
  return good >= 0 ? offsetAt(good) : undefined;
}
