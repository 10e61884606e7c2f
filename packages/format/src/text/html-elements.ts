/** How HTML elements shape the plain text that Mastodon shows. */

/** Elements whose content never reaches the text (code, embeds, media, form controls). */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'audio',
  'button',
  'canvas',
  'datalist',
  'dialog',
  'embed',
  'form',
  'frameset',
  'head',
  'iframe',
  'input',
  'map',
  'math',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'option',
  'picture',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video',
  'xmp',
]);

/**
 * The tags sanitize-html drops together with their text. It only needs the raw-text ones,
 * since we never read its output, but listing all hidden ones keeps its work small.
 */
export const NON_TEXT_TAGS: string[] = [...HIDDEN_ELEMENTS];

/** Elements that stand as their own paragraph (a blank line before and after). */
export const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'blockquote',
  'dl',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);

/** Elements that start and end a line. */
export const LINE_ELEMENTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dt',
  'fieldset',
  'figcaption',
  'footer',
  'header',
  'legend',
  'main',
  'nav',
  'section',
  'summary',
  'tr',
]);

/** Page furniture that feeds copy into content: Jetpack's share buttons and related posts. */
export function isPageFurniture(attribs: Record<string, string>): boolean {
  return /\b(?:sharedaddy|jp-relatedposts)\b/.test(attribs.class ?? '');
}

/** Images that stand for a character (WordPress emoji, Mastodon custom emoji): keep the alt. */
export function isEmojiImage(attribs: Record<string, string>): boolean {
  return /\b(?:emoji|wp-smiley|custom-emoji)\b/.test(attribs.class ?? '');
}

/** Resolves an href/src to an absolute http(s) URL, or undefined when that is not possible. */
export function resolveHttpUrl(raw: string | undefined, baseUrl?: string): string | undefined {
  const value = raw?.trim();
  if (!value || value.startsWith('#')) return undefined;
  try {
    const base = baseUrl ?? (value.startsWith('//') ? 'https:' : undefined);
    const url = base === undefined ? new URL(value) : new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // Keep the author's spelling of an absolute URL unless it has spaces that would end it.
    return /^https?:\/\/\S+$/i.test(value) ? value : url.href;
  } catch {
    return undefined;
  }
}
