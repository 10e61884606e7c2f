import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeNumeric = (s: string) => Array.from(s, (ch) => `&#${ch.codePointAt(0)};`).join('');
/** Whitespace and soft hyphens are what normalisation may change; everything else must survive. */
const visible = (s: string) => s.replace(/[\s\u00AD]/g, '');

// Strings rich in the characters that break naive strippers.
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(
        '&',
        '<',
        '>',
        ';',
        '#',
        'amp;',
        '&amp;',
        '&nbsp;',
        '<p>',
        '</b>',
        '<script>',
        '\n',
        ' ',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\0') && !s.includes('\r'));

const SAFE_TAGS = [
  'p',
  'div',
  'span',
  'b',
  'em',
  'li',
  'ul',
  'ol',
  'h2',
  'blockquote',
  'pre',
  'td',
  'a',
];
const HIDDEN_TAGS = ['script', 'style', 'noscript', 'iframe', 'template', 'textarea', 'svg'];
const safeText = fc.string({
  unit: fc.constantFrom(...'abc XYZ 123 .,;:!?\'"()-–—…é日本'),
  maxLength: 10,
});

interface Node {
  html: string;
}
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    safeText.map((t) => ({ html: t })),
    fc
      .record({ tag: fc.constantFrom(...SAFE_TAGS), kids: fc.array(tie('node'), { maxLength: 4 }) })
      .map(({ tag, kids }) => ({
        html: `<${tag}${tag === 'a' ? ' href="https://example.com/x?a=1"' : ''}>${kids.map((k) => k.html).join('')}</${tag}>`,
      })),
    fc
      .constantFrom(...HIDDEN_TAGS)
      .map((tag) => ({ html: `<${tag}>SECRET <b>SECRET</b></${tag}>` })),
    fc
      .constantFrom('<br>', '<hr>', '<img src="https://example.com/i.png" alt="pic">')
      .map((html) => ({ html })),
  ),
}));

describe('htmlToText properties', () => {
  it('decodes escaped text exactly once', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(visible(htmlToText(`<p>${escapeHtml(s)}</p>`))).toBe(visible(s));
        expect(visible(htmlToText(`<div>${escapeNumeric(s)}</div>`))).toBe(visible(s));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves double-encoded text encoded once', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(visible(htmlToText(escapeHtml(escapeHtml(s))))).toBe(visible(escapeHtml(s)));
      }),
      { numRuns: 300 },
    );
  });

  it('never leaks tags, entities or hidden content', () => {
    fc.assert(
      fc.property(tree.node, ({ html }) => {
        const text = htmlToText(html);
        expect(text).not.toMatch(/[<&]/);
        // `>` only as the quote marker that starts a line.
        for (const line of text.split('\n')) expect(line).toMatch(/^(?:>+ )?[^>]*$/);
        expect(text).not.toContain('SECRET');
        expect(text).not.toMatch(/\n\n\n/);
        expect(text).toBe(text.trim());
        for (const line of text.split('\n')) expect(line).toBe(line.trim());
      }),
      { numRuns: 500 },
    );
  });
});
