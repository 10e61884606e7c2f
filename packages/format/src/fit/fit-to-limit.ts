// Fits a status into an instance's limit, counted the way the strictest Mastodon server
// counts it (`countStatusConservative`): truncate the body, or split it into a thread.
import { permanent } from '@herald/core';
import {
  countStatus,
  countStatusConservative,
  isBlankLikeMastodon,
  stripLikeMastodon,
} from '../count/count-status.ts';
import { countGraphemesLegacy } from '../count/graphemes.ts';
import type { InstanceLimits } from '../count/limits.ts';
import { breakPoints, protectedSpans } from './break-points.ts';
import { chooseCut } from './choose-cut.ts';
import { dropLastHashtag, type Layout, layOut, remainder, render, type Segment } from './layout.ts';

export type { Segment } from './layout.ts';

export interface FitInput {
  /** The status text in order; `shrink` segments are cut (or continued) first. */
  segments: Segment[];
  /** Content warning, carried by every part; empty for none. */
  spoilerText: string;
  overflow: 'truncate' | 'thread';
  limits: InstanceLimits;
  /** Characters kept free below the limit, e.g. when fitting again after a 422. */
  margin?: number;
}

export interface FittedPart {
  text: string;
  spoilerText: string;
  /** Mastodon's count of spoiler and text together. */
  length: number;
}

interface Budget {
  limit: number;
  spoilerText: string;
  urlChars: number;
}

/**
 * One part when everything fits (text unchanged), else a truncated part or a numbered thread.
 * Every part's conservative count is within `maxCharacters - margin`.
 * @throws HeraldError (permanent) HERALD_FIT_SPOILER_TOO_LONG, HERALD_FIT_UNBREAKABLE
 */
export function fitToLimit(input: FitInput): FittedPart[] {
  const budget: Budget = {
    limit: input.limits.maxCharacters - (input.margin ?? 0),
    spoilerText: input.spoilerText,
    urlChars: input.limits.urlChars,
  };
  const spoilerLength = countGraphemesLegacy(stripLikeMastodon(input.spoilerText));
  if (spoilerLength > 0 && spoilerLength + 1 > budget.limit) {
    throw permanent(
      'HERALD_FIT_SPOILER_TOO_LONG',
      `The content warning counts ${spoilerLength} characters, which leaves no room for text ` +
        `within the limit of ${budget.limit}.`,
    );
  }
  const whole = input.segments.map((segment) => segment.text).join('');
  const texts = fits(whole, budget)
    ? [whole]
    : input.overflow === 'thread'
      ? thread(input.segments, budget)
      : [truncate(input.segments, budget)];
  return texts.map((text) => {
    // A guard against a fitter bug: nothing over the limit leaves here.
    if (!fits(text, budget)) throw new Error('fitToLimit produced a part over the limit');
    return {
      text,
      spoilerText: input.spoilerText,
      length: countStatus(text, input.spoilerText, input.limits.urlChars),
    };
  });
}

function truncate(segments: Segment[], budget: Budget): string {
  const layout = layOut(segments);
  for (;;) {
    const cut = chooseCut(
      layout.points,
      (offset) => fitsNonBlank(render(layout, offset, 'ellipsis'), budget),
      0,
      true,
    );
    if (cut !== undefined) return render(layout, cut, 'ellipsis');
    // Not even the fixed text fits: give up hashtags, last first.
    if (!dropLastHashtag(layout)) throw fixedTextTooLong(layout, budget);
  }
}

function thread(segments: Segment[], budget: Budget): string[] {
  for (let digits = 1; digits < 6; digits++) {
    const widest = numbering(10 ** digits - 1, 10 ** digits - 1);
    const texts = split(layOut(segments), budget, widest);
    if (texts.length === 1) return texts;
    if (texts.length < 10 ** digits) {
      return texts.map((text, i) => text + numbering(i + 1, texts.length));
    }
  }
  throw permanent('HERALD_FIT_UNBREAKABLE', 'The text would need 100,000 or more parts.');
}

/** The parts' texts without numbering; the numbering is counted as `widest`. */
function split(layout: Layout, budget: Budget, widest: string): string[] {
  let first: number | undefined;
  for (;;) {
    // The whole body in the first part means a single status (hashtags were given up), which
    // needs no numbering.
    first = chooseCut(
      layout.points,
      (offset) =>
        fitsNonBlank(render(layout, offset, 'none'), budget, widest) ||
        (offset === layout.bodyLength && fitsNonBlank(render(layout, offset, 'none'), budget)),
      0,
      true,
    );
    if (first !== undefined) break;
    if (!dropLastHashtag(layout)) throw fixedTextTooLong(layout, budget);
  }
  const texts = [render(layout, first, 'none')];
  const rest = remainder(layout, first);
  const points = breakPoints(rest);
  for (let from = skipSpace(rest, 0); from < rest.length; ) {
    const start = from;
    const cut = chooseCut(
      points,
      (offset) => fits(rest.slice(start, offset).trimEnd() + widest, budget),
      start,
      false,
    );
    if (cut === undefined) throw unbreakable(rest, start, budget);
    texts.push(rest.slice(start, cut).trimEnd());
    from = skipSpace(rest, cut);
  }
  return texts;
}

function numbering(index: number, total: number): string {
  return `\n\n${index}/${total}`;
}

function fits(text: string, budget: Budget, suffix = ''): boolean {
  return (
    countStatusConservative(text + suffix, budget.spoilerText, budget.urlChars) <= budget.limit
  );
}

function fitsNonBlank(text: string, budget: Budget, suffix = ''): boolean {
  return !isBlankLikeMastodon(text) && fits(text, budget, suffix);
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/u.test(text[index]!)) index++;
  return index;
}

function fixedTextTooLong(layout: Layout, budget: Budget) {
  const fixed = layout.segments
    .filter((segment) => !segment.shrink && !segment.dropped)
    .map((segment) => segment.text)
    .join('');
  const length = countStatusConservative(fixed, budget.spoilerText, budget.urlChars);
  return permanent(
    'HERALD_FIT_UNBREAKABLE',
    `The text that cannot be shortened (link and fixed text, with the content warning) counts ` +
      `${length} characters, over the limit of ${budget.limit}.`,
  );
}

function unbreakable(text: string, from: number, budget: Budget) {
  const span = protectedSpans(text).find((s) => s.start <= from && from < s.end);
  const token = span ? text.slice(span.start, span.end) : text.slice(from).split(/\s/u)[0]!;
  const shown = token.length > 60 ? `${token.slice(0, 60)}…` : token;
  return permanent(
    'HERALD_FIT_UNBREAKABLE',
    `"${shown}" (${[...token].length} characters) is a URL, mention or hashtag that cannot be ` +
      `split, and it does not fit in one status of ${budget.limit} characters.`,
  );
}
