import sanitizeHtml from 'sanitize-html';
import { isEmojiImage, NON_TEXT_TAGS, resolveHttpUrl } from './html-elements.ts';

export interface HtmlImage {
  url: string;
  /** The image's alt text, whitespace collapsed; empty when it has none. */
  alt: string;
}

export interface ExtractImagesOptions {
  /** Resolves relative `src` against this URL; without it relative images are skipped. */
  baseUrl?: string;
}

/**
 * The images of an HTML body, in document order, as media candidates for the post.
 * Lazy-loading markup (`data-src`, `srcset`, the `<noscript>` copy) yields one entry per URL;
 * emoji images, tracking pixels and `data:` URIs are skipped.
 */
export function extractImages(html: string, options: ExtractImagesOptions = {}): HtmlImage[] {
  const images: HtmlImage[] = [];
  const seen = new Set<string>();
  let inTemplate = 0;
  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: NON_TEXT_TAGS,
    onOpenTag: (name, attribs) => {
      if (name === 'template') inTemplate++;
      if (name !== 'img' || inTemplate > 0 || isEmojiImage(attribs) || isPixel(attribs)) return;
      const url = imageUrl(attribs, options.baseUrl);
      if (!url || seen.has(url)) return;
      seen.add(url);
      images.push({ url, alt: (attribs.alt ?? '').replace(/\s+/g, ' ').trim() });
    },
    onCloseTag: (name) => {
      if (name === 'template') inTemplate--;
    },
  });
  return images;
}

function isPixel(attribs: Record<string, string>): boolean {
  return attribs.width === '1' || attribs.height === '1' || attribs.width === '0';
}

function imageUrl(attribs: Record<string, string>, baseUrl?: string): string | undefined {
  const candidates = [
    attribs.src,
    attribs['data-src'],
    attribs['data-lazy-src'],
    attribs['data-original'],
    largestSrcset(attribs.srcset ?? attribs['data-srcset']),
  ];
  for (const candidate of candidates) {
    if (!candidate || /^\s*data:/i.test(candidate)) continue;
    const url = resolveHttpUrl(candidate, baseUrl);
    if (url) return url;
  }
  return undefined;
}

/** The widest candidate of a `srcset` (`a.jpg 480w, b.jpg 1024w`), or its last one. */
function largestSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined;
  let best: { url: string; width: number } | undefined;
  for (const entry of srcset.split(/,\s+/)) {
    const [url, descriptor = ''] = entry.trim().split(/\s+/);
    if (!url) continue;
    const width = Number.parseFloat(descriptor) || 0;
    if (!best || width >= best.width) best = { url, width };
  }
  return best?.url;
}
