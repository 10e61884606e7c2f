import type { MediaCandidate } from '@herald/core';
import { cleanText } from '../text.ts';
import { attrsOf, childrenOf, childText, textOf, type XmlRecord } from './xml-node.ts';

/**
 * Media candidates of an RSS/Atom item, from `media:content` (also inside `media:group`),
 * `<enclosure>`, Atom `<link rel="enclosure">` and, when nothing else offers an image,
 * `media:thumbnail`. Alt text comes from `media:description`, else `media:title`.
 * Candidates whose stated type is not image/video/audio (a Flash player) are dropped.
 */
export function xmlItemMedia(raw: XmlRecord, base: string | undefined): MediaCandidate[] {
  const found: MediaCandidate[] = [];
  const itemAlt = altOf(raw, 'mediaDescription', 'mediaTitle');
  const groups = childrenOf(raw, 'mediaGroup');

  const addContent = (node: unknown, fallbackAlt: string | undefined) => {
    const attrs = attrsOf(node);
    add(found, attrs.url, base, attrs.type, mediaAlt(node) ?? fallbackAlt);
  };
  for (const node of childrenOf(raw, 'mediaContent')) addContent(node, itemAlt);
  for (const group of groups) {
    const groupAlt = mediaAlt(group) ?? itemAlt;
    for (const node of childrenOf(group, 'media:content')) addContent(node, groupAlt);
  }
  for (const node of childrenOf(raw, 'enclosures')) {
    const attrs = attrsOf(node);
    add(found, attrs.url, base, attrs.type, undefined);
  }
  for (const node of childrenOf(raw, 'linkList')) {
    const attrs = attrsOf(node);
    if (attrs.rel === 'enclosure') add(found, attrs.href, base, attrs.type, cleanText(attrs.title));
  }

  if (!found.some((m) => m.type === undefined || /^(image|video)\//.test(m.type))) {
    for (const node of childrenOf(raw, 'mediaThumbnail')) {
      if (!isIcon(node)) add(found, attrsOf(node).url, base, undefined, itemAlt);
    }
    for (const group of groups) {
      for (const node of childrenOf(group, 'media:thumbnail')) {
        const alt = cleanText(childText(group, 'media:title')) ?? itemAlt;
        if (!isIcon(node)) add(found, attrsOf(node).url, base, undefined, alt);
      }
    }
  }
  return found;
}

/** A thumbnail declared smaller than 100 px is an avatar or icon (GitHub's release feeds). */
function isIcon(node: unknown): boolean {
  const { width, height } = attrsOf(node);
  return [width, height].some((size) => size !== undefined && Number(size) < 100);
}

function mediaAlt(node: unknown): string | undefined {
  return cleanText(childText(node, 'media:description') ?? childText(node, 'media:title'));
}

function altOf(raw: XmlRecord, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const clean = cleanText(textOf(raw[field]));
    if (clean) return clean;
  }
  return undefined;
}

/** Adds a candidate once per URL, keeping only absolute http(s) URLs and media types. */
export function add(
  found: MediaCandidate[],
  url: string | undefined,
  base: string | undefined,
  type: string | undefined,
  alt: string | undefined,
): void {
  const absolute = absoluteHttpUrl(url, base);
  if (!absolute || found.some((m) => m.url === absolute)) return;
  const mime = type?.trim().toLowerCase() || undefined;
  if (mime && !/^(image|video|audio)\//.test(mime)) return;
  found.push({ url: absolute, ...(mime ? { type: mime } : {}), ...(alt ? { alt } : {}) });
}

export function absoluteHttpUrl(url: string | undefined, base?: string): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  try {
    const parsed = new URL(trimmed, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text description of a `media:group` (YouTube puts a video's description there). */
export function mediaGroupDescription(raw: XmlRecord): string | undefined {
  for (const group of childrenOf(raw, 'mediaGroup')) {
    const text = childText(group, 'media:description');
    if (text) return text;
  }
  return textOf(raw.mediaDescription)?.trim() || undefined;
}
