import type { Visibility } from '@herald/core';

const ORDER: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];

/** The less public of two visibilities (`public` < `unlisted` < `private` < `direct`). */
export function lessPublic(a: Visibility, b: Visibility): Visibility {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * Visibility of each part of a post: the route's for the first (default `public`); replies in
 * a thread at most `unlisted`, so a long item does not fill public timelines.
 */
export function threadVisibility(route: Visibility | undefined, index: number): Visibility {
  const first = route ?? 'public';
  return index === 0 ? first : lessPublic(first, 'unlisted');
}
