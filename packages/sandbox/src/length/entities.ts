/** A span of a status text that Mastodon's length validator rewrites before counting. */
export interface TextEntity {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  kind: 'url' | 'mention';
  /** The URL, or the mention with its `@domain` part (e.g. `alice@example.org`). */
  value: string;
}

/** Sorts by start and drops every entity that overlaps one kept before it (earliest wins). */
export function removeOverlapping<T extends { start: number; end: number }>(entities: T[]): T[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const kept: T[] = [];
  for (const entity of sorted) {
    const previous = kept.at(-1);
    if (previous && previous.end > entity.start) continue;
    kept.push(entity);
  }
  return kept;
}

/** Length in Unicode code points, the unit Ruby's `String#length` uses. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
