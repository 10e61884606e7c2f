import { HeraldError } from '@herald/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countStatusConservative } from '../count/count-status.ts';
import { findUrls } from '../count/find-urls.ts';
import { graphemeBoundaries } from '../count/graphemes.ts';
import { fitToLimit, type Segment } from './fit-to-limit.ts';

const LINK = 'https://news.example.net/posts/2024/the-article';
const TAGS = '#herald #fediverse #日本';

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('lorem', 'ipsum', 'dolor', 'über', 'naïve', 'Mastodon') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'https://example.com/a/b',
      'http://a.io',
      'gemini://capsule.example.org/p',
      'https://en.wikipedia.org/wiki/Primer_(film)',
      'https://bücher.de/katalog',
      `https://example.com/${'p'.repeat(200)}`,
      'ftp://files.example.org/file.tar.gz',
      'http://localhost:3000/x',
      'www.example.org/page',
      `ftp://x.org/${'q'.repeat(120)}`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '@alice',
      '@bob@example.social',
      '@zoë@bücher.example',
      'me@mail.org',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('#tag', '#日本', '#v2024', '#2024') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '👨‍👩‍👧‍👦',
      '🇩🇪',
      '👋🏽',
      '✨',
      '1️⃣',
      '🏳️‍⚧️',
      'e\u0301',
      'a\u0308\u0301',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '日本語のテキスト',
      '中文字符串',
      '한국어',
      'مرحبا',
      'שלום',
      'क्षि',
      'नमस्ते',
      'স্ত্র',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }).map((n) => 'x'.repeat(n)) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '. ', ', ', '! ', '。', '');
const text = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 60 })
  .map((pairs) => pairs.map(([t, s]) => t + s).join(''));
const spoiler = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 20 }));

const segmentsFor = (body: string): Segment[] => [
  { text: body, shrink: true, kind: 'body' },
  { text: '\n\n', shrink: false, kind: 'literal' },
  { text: LINK, shrink: false, kind: 'link' },
  { text: '\n\n', shrink: false, kind: 'literal' },
  { text: TAGS, shrink: false, kind: 'hashtags' },
];
const NUMBERING = /\n\n\d+\/\d+$/;
const nonSpace = (value: string) => value.replace(/\s+/gu, '');

/** Runs the fitter; an error is allowed only when it is one of the documented permanent ones. */
function tryFit(body: string, cw: string, overflow: 'truncate' | 'thread', max: number) {
  try {
    return fitToLimit({
      segments: segmentsFor(body),
      spoilerText: cw,
      overflow,
      limits: { maxCharacters: max, urlChars: 23, maxMedia: 4 },
    });
  } catch (error) {
    expect(error).toBeInstanceOf(HeraldError);
    expect(['HERALD_FIT_SPOILER_TOO_LONG', 'HERALD_FIT_UNBREAKABLE']).toContain(
      (error as HeraldError).code,
    );
    return undefined;
  }
}

/** Where each chunk of the body sits, asserting the chunks are the body's text in order. */
function locate(body: string, chunks: string[]): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  for (const chunk of chunks) {
    if (chunk === '') continue;
    const start = body.indexOf(chunk, from);
    expect(start, `chunk ${JSON.stringify(chunk.slice(0, 30))} is not next in the body`).toBe(
      body.slice(from, start).trim() === '' ? start : -2,
    );
    found.push([start, start + chunk.length]);
    from = start + chunk.length;
  }
  return found;
}

function assertWholeCuts(body: string, cuts: number[]) {
  const clusters = new Set(graphemeBoundaries(body));
  const urls = findUrls(body);
  for (const cut of cuts) {
    expect(clusters.has(cut), `cut at ${cut} splits a grapheme cluster`).toBe(true);
    const inside = urls.find((url) => url.start < cut && cut < url.end);
    expect(inside, `cut at ${cut} splits ${inside?.url}`).toBeUndefined();
  }
}

describe('fitToLimit properties', () => {
  it('keeps every part within the limit by the conservative count', () => {
    fc.assert(
      fc.property(
        text,
        spoiler,
        fc.constantFrom('truncate' as const, 'thread' as const),
        fc.integer({ min: 30, max: 500 }),
        (body, cw, overflow, max) => {
          for (const part of tryFit(body, cw, overflow, max) ?? []) {
            expect(countStatusConservative(part.text, part.spoilerText, 23)).toBeLessThanOrEqual(
              max,
            );
            expect(part.length).toBeLessThanOrEqual(max);
            expect(part.spoilerText).toBe(cw);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('thread: loses no text, keeps the link first, never splits a cluster or a URL', () => {
    fc.assert(
      fc.property(text, spoiler, fc.integer({ min: 200, max: 500 }), (body, cw, max) => {
        const parts = tryFit(body, cw, 'thread', max);
        if (!parts) return;
        if (parts.length === 1) {
          expect(parts[0]!.text).toBe(
            segmentsFor(body)
              .map((s) => s.text)
              .join(''),
          );
          return;
        }
        const texts = parts.map((part, i) => {
          expect(part.text).toMatch(new RegExp(`\\n\\n${i + 1}/${parts.length}$`));
          return part.text.replace(NUMBERING, '');
        });
        expect(texts[0]).toContain(LINK);
        const first = texts[0]!.slice(0, texts[0]!.lastIndexOf(LINK)).trimEnd();
        const chunks = [first, ...texts.slice(1)];
        expect(nonSpace(chunks.join(''))).toBe(nonSpace(body));
        const spans = locate(body, chunks);
        assertWholeCuts(body, spans.flat());
      }),
      { numRuns: 500 },
    );
  });

  it('truncate: keeps the link and hashtags, cuts the body cleanly', () => {
    fc.assert(
      fc.property(text, spoiler, fc.integer({ min: 80, max: 500 }), (body, cw, max) => {
        const parts = tryFit(body, cw, 'truncate', max);
        if (!parts) return;
        expect(parts).toHaveLength(1);
        const out = parts[0]!.text;
        expect(out.endsWith(`${LINK}\n\n${TAGS}`)).toBe(true);
        const bodyEnd = out.lastIndexOf(`\n\n${LINK}`);
        const kept = bodyEnd === -1 ? '' : out.slice(0, bodyEnd).replace(/ ?…$/u, '');
        if (kept === '') return;
        const [[start, end]] = locate(body, [kept]) as [[number, number]];
        expect(start).toBe(0);
        assertWholeCuts(body, [end]);
      }),
      { numRuns: 500 },
    );
  });
});
