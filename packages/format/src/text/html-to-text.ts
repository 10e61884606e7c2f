import sanitizeHtml from 'sanitize-html';
import {
  HIDDEN_ELEMENTS,
  isEmojiImage,
  isPageFurniture,
  LINE_ELEMENTS,
  NON_TEXT_TAGS,
  PARAGRAPH_ELEMENTS,
  resolveHttpUrl,
} from './html-elements.ts';
import { createTextBuilder, type TextBuilder } from './text-builder.ts';

export interface HtmlToTextOptions {
  /** Resolves relative links (`/about`) against this URL; without it they keep only their text. */
  baseUrl?: string;
}

interface Frame {
  name: string;
  hidden: boolean;
  link?: { href: string | undefined; start: number | undefined; text: string };
  list?: { ordered: boolean; next: number };
  cells?: number;
}

/**
 * HTML → the plain text a Mastodon status shows. sanitize-html parses (htmlparser2), decodes
 * entities once and drops script/style/noscript/iframe/template content; we never use its HTML
 * output, only its tag and text events, from which the text is rebuilt with its structure:
 * paragraphs as blank lines, `<br>` as line breaks, list items as `• item` / `1. item`, quotes
 * as `> ` lines, links as `text (url)` (just the URL when the text is the URL). Images leave
 * no text (see `extractImages`), except emoji images, which become their alt text.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const stack: Frame[] = [];
  const quoteDepth = () => stack.filter((f) => f.name === 'blockquote').length;
  const out = createTextBuilder({ quoteDepth });
  const top = () => stack[stack.length - 1];
  const inItemOrQuote = () => stack.some((f) => f.name === 'li' || f.name === 'blockquote');
  const nearest = (name: string) => stack.findLast((f) => f.name === name);
  // Inside list items and quotes, paragraphs become lines so the block stays together.
  const block = (level: 1 | 2) => out.requestBreak(inItemOrQuote() ? 1 : level);

  const open = (name: string, attribs: Record<string, string>) => {
    const frame: Frame = { name, hidden: isHidden(name, attribs, top()) };
    if (!frame.hidden) openVisible(frame, attribs);
    stack.push(frame);
  };

  const openVisible = (frame: Frame, attribs: Record<string, string>) => {
    const { name } = frame;
    if (name === 'br') out.lineBreak();
    else if (name === 'img' && isEmojiImage(attribs)) writeText(out, stack, attribs.alt ?? '');
    else if (name === 'hr') block(2);
    else if (name === 'li') {
      block(1);
      out.setItemPrefix(itemPrefix(stack));
    } else if (name === 'ul' || name === 'ol') {
      block(2);
      const start = Number.parseInt(attribs.start ?? '1', 10);
      frame.list = { ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 };
    } else if (name === 'a') {
      frame.link = {
        href: resolveHttpUrl(attribs.href, options.baseUrl),
        start: undefined,
        text: '',
      };
    } else if (name === 'td' || name === 'th') {
      const row = nearest('tr');
      if (row) {
        if ((row.cells ?? 0) > 0) out.setSeparator(' | ');
        row.cells = (row.cells ?? 0) + 1;
      }
    } else if (PARAGRAPH_ELEMENTS.has(name)) block(2);
    else if (LINE_ELEMENTS.has(name)) block(1);
  };

  const close = (name: string) => {
    const index = stack.findLastIndex((f) => f.name === name);
    if (index < 0) return;
    const [frame] = stack.splice(index);
    if (!frame || frame.hidden) return;
    if (frame.link) finishLink(out, frame.link);
    else if (name === 'li') {
      out.setItemPrefix('');
      block(1);
    } else if (PARAGRAPH_ELEMENTS.has(name)) block(2);
    else if (LINE_ELEMENTS.has(name)) block(1);
  };

  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: NON_TEXT_TAGS,
    onOpenTag: open,
    onCloseTag: close,
    textFilter: (escaped) => {
      if (!top()?.hidden) writeText(out, stack, unescapeHtml(escaped));
      return '';
    },
  });
  return out.finish();
}

function isHidden(name: string, attribs: Record<string, string>, parent: Frame | undefined) {
  if (parent?.hidden || HIDDEN_ELEMENTS.has(name) || 'hidden' in attribs) return true;
  if (isPageFurniture(attribs)) return true;
  if (name !== 'a') return false;
  // Footnote markers and their back-links read as noise once the page layout is gone.
  if (attribs.role === 'doc-backlink' || attribs.role === 'doc-noteref') return true;
  if (/\bfootnote-backref\b|\breversefootnote\b/.test(attribs.class ?? '')) return true;
  return (attribs.href ?? '').startsWith('#') && parent?.name === 'sup';
}

function itemPrefix(stack: Frame[]): string {
  const lists = stack.filter((f) => f.list);
  const list = lists[lists.length - 1]?.list;
  if (list?.ordered) return `${list.next++}. `;
  return lists.length > 1 ? '◦ ' : '• ';
}

/** sanitize-html hands text over HTML-escaped (`&`, `<`, `>`); undo exactly that, once. */
function unescapeHtml(escaped: string): string {
  return escaped.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

function writeText(out: TextBuilder, stack: Frame[], decoded: string) {
  const pre = stack.some((f) => f.name === 'pre');
  const text = (
    pre
      ? decoded.replace(/\r\n?/g, '\n')
      : decoded.replace(/[\t\n\f\r \u00A0]+/g, (run) => (run === '\u00A0' ? run : ' '))
  ).replace(/\u00AD/g, '');
  if (text === '') return;
  const link = stack.findLast((f) => f.link)?.link;
  if (link) {
    if (link.start === undefined) out.onNextWrite((offset) => (link.start ??= offset));
    link.text += text;
  }
  out.text(text, pre);
}

function finishLink(out: TextBuilder, link: NonNullable<Frame['link']>) {
  const { href, start } = link;
  const text = link.text.replace(/\s+/g, ' ').trim();
  if (href === undefined || start === undefined || text === '') return;
  const handle = mentionHandle(text, href);
  if (handle) out.replaceFrom(start, handle);
  else if (text.startsWith('#') || text.startsWith('@')) return;
  else if (textIsUrl(text, href)) out.replaceFrom(start, href);
  else out.appendInline(` (${href})`);
}

/** A Mastodon-style mention link (`@alice` → `/@alice`) becomes `@alice@host`. */
function mentionHandle(text: string, href: string): string | undefined {
  const name = /^@([\w.-]+)$/.exec(text)?.[1];
  if (!name) return undefined;
  try {
    const url = new URL(href);
    const user = /^\/@([\w.-]+)\/?$/.exec(url.pathname)?.[1];
    return user && user.toLowerCase() === name.toLowerCase() ? `@${user}@${url.host}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a link's text is its URL, maybe without scheme or `www.`, or cut short with `…`. */
export function textIsUrl(text: string, href: string): boolean {
  const bare = (s: string) =>
    s
      .toLowerCase()
      .replace(/^[a-z][a-z\d+.-]*:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  const shortened = /(?:…|\.\.\.)$/.test(text);
  const shown = bare(text.replace(/(?:…|\.\.\.)$/, ''));
  const target = bare(href);
  if (shown === target) return true;
  if (shown.length < 4 || /\s/.test(shown)) return false;
  return (shortened || /^[^/]+\.[a-z]{2,}(?:\/|$)/.test(shown)) && target.startsWith(shown);
}
