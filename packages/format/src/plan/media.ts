import type { Route } from '@herald/config';
import type { MediaCandidate } from '@herald/core';
import type { HtmlImage } from '../text/extract-images.ts';

export interface MediaChoice {
  media: MediaCandidate[];
  /** Candidates left out by the limits. */
  dropped: number;
}

/**
 * The attachments of a post: the item's media, then the images of its HTML, one per URL, at
 * most the instance's and the route's maximum; none when the route says `media: false`.
 * An item medium without alt text borrows the alt of the same image in the HTML.
 */
export function pickMedia(
  itemMedia: readonly MediaCandidate[],
  images: readonly HtmlImage[],
  option: Route['media'],
  instanceMax: number,
): MediaChoice {
  if (option === false) return { media: [], dropped: 0 };
  const max = Math.max(
    0,
    Math.min(instanceMax, typeof option === 'object' ? option.max : instanceMax),
  );
  const altByUrl = new Map(images.filter((i) => i.alt !== '').map((i) => [i.url, i.alt]));
  const seen = new Set<string>();
  const all: MediaCandidate[] = [];
  const add = (candidate: MediaCandidate) => {
    if (!/^https?:\/\//i.test(candidate.url) || seen.has(candidate.url)) return;
    seen.add(candidate.url);
    all.push(candidate);
  };
  for (const { alt: own, ...medium } of itemMedia) {
    const alt = own?.trim() || altByUrl.get(medium.url);
    add(alt ? { ...medium, alt } : medium);
  }
  for (const image of images)
    add(image.alt === '' ? { url: image.url } : { url: image.url, alt: image.alt });
  return { media: all.slice(0, max), dropped: Math.max(0, all.length - max) };
}
