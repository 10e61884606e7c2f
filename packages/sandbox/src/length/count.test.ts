import { describe, expect, it } from 'vitest';
import { countStatusLength, graphemeLength, isBlank, rubyStrip } from './count.ts';

const a = (n: number) => 'a'.repeat(n);
const b = (n: number) => 'b'.repeat(n);
// The spec's LINK49: a 49-character URL.
const LINK49 = `http://${b(30)}.com/example`;
// Transgender flag: a ZWJ sequence of 5 code points.
const FLAG = '\u{1F3F3}\u{FE0F}\u200D\u26A7\u{FE0F}';
const SPARKLE = '\u2728';

interface SpecCase {
  id: string;
  spoiler: string;
  text: string;
  limit: number;
  counted: number;
  valid: boolean;
}

// reference/mastodon-length-spec-cases.md. A1–A4 and B1–B2 are remote statuses and reblogs,
// which Mastodon never length-checks; the sandbox only ever validates local posts, so they
// have no counterpart here.
const cases: SpecCase[] = [
  { id: 'A5', spoiler: '', text: a(200), limit: 100, counted: 200, valid: false },
  { id: 'A6', spoiler: a(200), text: '', limit: 100, counted: 200, valid: false },
  { id: 'A7', spoiler: a(55), text: a(50), limit: 100, counted: 105, valid: false },
  { id: 'A8', spoiler: '', text: `${a(76)} ${LINK49}`, limit: 100, counted: 100, valid: true },
  { id: 'A9', spoiler: '', text: `${a(76)}${LINK49}`, limit: 100, counted: 125, valid: false },
  {
    id: 'A10',
    spoiler: '',
    text: `http://example.com/valid?${'#foo?'.repeat(1000)}`,
    limit: 100,
    counted: 5025,
    valid: false,
  },
  {
    id: 'A11',
    spoiler: '',
    text: `${a(75)} @alice@${b(30)}.com`,
    limit: 100,
    counted: 82,
    valid: true,
  },
  { id: 'A12', spoiler: '', text: `@alice@${b(506)}.com`, limit: 100, counted: 517, valid: false },
  { id: 'A13', spoiler: '', text: SPARKLE.repeat(100), limit: 100, counted: 100, valid: true },
  { id: 'A14', spoiler: '', text: FLAG.repeat(100), limit: 100, counted: 100, valid: true },
  { id: 'B3', spoiler: a(520), text: '', limit: 500, counted: 520, valid: false },
  { id: 'B4', spoiler: '', text: a(520), limit: 500, counted: 520, valid: false },
  { id: 'B5', spoiler: a(250), text: b(251), limit: 500, counted: 501, valid: false },
  { id: 'B6', spoiler: '', text: `${a(476)} ${LINK49}`, limit: 500, counted: 500, valid: true },
  { id: 'B7', spoiler: '', text: `${a(476)}${LINK49}`, limit: 500, counted: 525, valid: false },
  {
    id: 'B8',
    spoiler: '',
    text: `http://example.com/valid?${'#foo?'.repeat(1000)}`,
    limit: 500,
    counted: 5025,
    valid: false,
  },
  {
    id: 'B9',
    spoiler: '',
    text: `${a(475)} @alice@${b(30)}.com`,
    limit: 500,
    counted: 482,
    valid: true,
  },
  { id: 'B10', spoiler: '', text: `@alice@${b(500)}.com`, limit: 500, counted: 511, valid: false },
  { id: 'B11', spoiler: '', text: SPARKLE.repeat(500), limit: 500, counted: 500, valid: true },
  { id: 'B12', spoiler: '', text: FLAG.repeat(500), limit: 500, counted: 500, valid: true },
];

describe('Mastodon StatusLengthValidator spec vectors', () => {
  it('uses the vectors as the spec defines them', () => {
    expect(LINK49).toHaveLength(49);
    expect([...FLAG]).toHaveLength(5);
    expect(`http://example.com/valid?${'#foo?'.repeat(1000)}`).toHaveLength(5025);
  });

  for (const c of cases) {
    it(`${c.id}: counts ${c.counted} against a limit of ${c.limit} (${c.valid ? 'valid' : 'invalid'})`, () => {
      const counted = countStatusLength(c.text, c.spoiler, 23);
      expect(counted).toBe(c.counted);
      expect(counted <= c.limit).toBe(c.valid);
    });
  }
});

describe('counting unit and budget', () => {
  it('counts extended grapheme clusters, not code points or UTF-16 units', () => {
    expect(countStatusLength('a\r\nb', '', 23)).toBe(3); // CRLF is one cluster
    expect(countStatusLength('e\u0301', '', 23)).toBe(1); // combining acute
    expect(countStatusLength('\u{1F1EB}\u{1F1F7}', '', 23)).toBe(1); // flag
    expect(countStatusLength('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '', 23)).toBe(1); // ZWJ family
    expect(countStatusLength('\u{1F44D}\u{1F3FD}', '', 23)).toBe(1); // skin tone
    expect(countStatusLength('\u1100\u1161\u11A8', '', 23)).toBe(1); // Hangul L+V+T
    expect(countStatusLength('a\u200Bb', '', 23)).toBe(3); // zero-width space is its own
    expect(countStatusLength('\u{1D400}', '', 23)).toBe(1); // astral letter
  });

  it('shares one budget between the content warning and the text', () => {
    expect(countStatusLength('body', 'warning', 23)).toBe(11);
    expect(countStatusLength(a(250), a(250), 23)).toBe(500);
  });

  it('counts URLs and mentions in the content warning raw', () => {
    expect(countStatusLength('', 'https://example.com/a/very/long/path/indeed', 23)).toBe(43);
    expect(countStatusLength('x', '@alice@example.com', 23)).toBe(19);
    expect(countStatusLength('https://example.com/a/very/long/path/indeed', 'cw', 23)).toBe(25);
  });

  it('strips leading and trailing ASCII white space from both parts first', () => {
    expect(countStatusLength('  hello \n\t', '\n cw  ', 23)).toBe(7);
    expect(countStatusLength('\r\n\r\nhello\r\n', '', 23)).toBe(5);
  });

  it('keeps Unicode spaces, which Ruby strip leaves alone', () => {
    expect(rubyStrip('\u00A0hi\u3000')).toBe('\u00A0hi\u3000');
    expect(countStatusLength('\u00A0hi', '', 23)).toBe(3);
  });

  it('counts a blank text as nothing', () => {
    expect(isBlank('\u00A0\u3000 \n')).toBe(true);
    expect(countStatusLength('\u00A0\u3000', 'cw', 23)).toBe(2);
  });

  it('uses the configured URL weight', () => {
    expect(countStatusLength('see https://example.com/x', '', 10)).toBe(14);
    expect(countStatusLength('https://a.io', '', 23)).toBe(23); // short URLs count more
  });

  it('counts hashtags, emoji shortcodes and HTML as written', () => {
    expect(countStatusLength('#Herald :blobcat: <b>x</b>', '', 23)).toBe(26);
  });

  it('measures grapheme length of arbitrary text', () => {
    expect(graphemeLength('')).toBe(0);
    expect(graphemeLength('abc')).toBe(3);
  });
});
