// A status as an ordered list of segments, of which the shrinkable ones (title, summary,
// content) form one "body" that can be cut at a single offset; everything else keeps its place.
import {
  type BreakPoint,
  breakPoints,
  CUT_END,
  protectedSpans,
  type Span,
} from './break-points.ts';

/** One piece of a status text, in order. */
export interface Segment {
  text: string;
  /** True for body text (title, summary, content) that may be cut or moved to later parts. */
  shrink: boolean;
  kind?: 'body' | 'link' | 'hashtags' | 'literal';
}

interface LaidOut extends Segment {
  /** Offset of this segment in the body; -1 when it is not shrinkable. */
  bodyStart: number;
  spans: Span[];
  /** Dropped entirely by the fitter (hashtags given up), as opposed to empty from the start. */
  dropped: boolean;
}

export interface Layout {
  segments: LaidOut[];
  /** Total length of the body (the shrinkable segments joined). */
  bodyLength: number;
  /** Allowed cuts of the body, by body offset. */
  points: BreakPoint[];
}

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?]$/;
const DANGLING = /[\s,;:、，]+$/u;

export function layOut(segments: readonly Segment[]): Layout {
  const laidOut: LaidOut[] = [];
  const levels = new Map<number, number>();
  let bodyLength = 0;
  for (const segment of segments) {
    if (!segment.shrink) {
      laidOut.push({ ...segment, bodyStart: -1, spans: [], dropped: false });
      continue;
    }
    laidOut.push({
      ...segment,
      bodyStart: bodyLength,
      spans: protectedSpans(segment.text),
      dropped: false,
    });
    for (const point of breakPoints(segment.text)) {
      const offset = bodyLength + point.offset;
      // A segment boundary is a clean cut: whole segments before it, none after.
      const atEdge = point.offset === 0 || point.offset === segment.text.length;
      const level = atEdge ? CUT_END : point.level;
      levels.set(offset, Math.max(level, levels.get(offset) ?? 0));
    }
    bodyLength += segment.text.length;
  }
  levels.set(0, Math.max(levels.get(0) ?? 0, CUT_END));
  const points = [...levels]
    .map(([offset, level]) => ({ offset, level }))
    .sort((a, b) => a.offset - b.offset);
  return { segments: laidOut, bodyLength, points };
}

/**
 * The status text with the body cut after `cut` characters. Truncation marks a cut inside a
 * segment with an ellipsis; a thread does not (the rest follows in the next part).
 */
export function render(layout: Layout, cut: number, mark: 'ellipsis' | 'none'): string {
  const texts: (string | null)[] = layout.segments.map((segment) => {
    if (segment.dropped) return null;
    if (!segment.shrink) return segment.text;
    const kept = Math.min(Math.max(cut - segment.bodyStart, 0), segment.text.length);
    if (kept === segment.text.length) return segment.text;
    const prefix = segment.text.slice(0, kept).trimEnd();
    if (prefix === '') return segment.text === '' ? '' : null;
    // Only trailing whitespace dropped: nothing was cut, so no ellipsis.
    if (segment.text.slice(kept).trim() === '') return prefix;
    return mark === 'ellipsis' ? withEllipsis(prefix, segment.spans) : prefix;
  });
  // A segment the fitter emptied takes one whitespace-only separator with it.
  const removed = new Set<number>();
  texts.forEach((text, i) => {
    if (text !== null) return;
    for (const j of [i - 1, i + 1]) {
      const neighbour = layout.segments[j];
      if (neighbour && texts[j] != null && isSeparator(neighbour) && !removed.has(j)) {
        removed.add(j);
        return;
      }
    }
  });
  return texts.map((text, i) => (text === null || removed.has(i) ? '' : text)).join('');
}

/** The body text after `cut`, for the following parts of a thread. */
export function remainder(layout: Layout, cut: number): string {
  const pieces: string[] = [];
  for (const segment of layout.segments) {
    if (!segment.shrink) continue;
    const from = Math.min(Math.max(cut - segment.bodyStart, 0), segment.text.length);
    const rest = segment.text.slice(from).trim();
    if (rest !== '') pieces.push(rest);
  }
  return pieces.join('\n\n');
}

/** Gives up the last hashtag of the last hashtag segment; false when none is left. */
export function dropLastHashtag(layout: Layout): boolean {
  const segment = layout.segments.findLast(
    (s) => s.kind === 'hashtags' && !s.dropped && s.text.trim() !== '',
  );
  if (!segment) return false;
  segment.text = segment.text.replace(/\s*\S+\s*$/u, '');
  if (segment.text.trim() === '') segment.dropped = true;
  return true;
}

function withEllipsis(prefix: string, spans: Span[]): string {
  const trimmed = prefix.replace(DANGLING, '');
  if (trimmed === '') return ELLIPSIS;
  // A URL would swallow a glued "…" (it is a path character), so keep a space after any
  // protected token, and after a full stop for looks.
  const spaced = spans.some((span) => span.end === trimmed.length) || SENTENCE_END.test(trimmed);
  return `${trimmed}${spaced ? ' ' : ''}${ELLIPSIS}`;
}

function isSeparator(segment: LaidOut): boolean {
  return !segment.shrink && (segment.kind ?? 'literal') === 'literal' && segment.text.trim() === '';
}
