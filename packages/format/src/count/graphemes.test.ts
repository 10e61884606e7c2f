import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONJUNCT_LINKERS,
  countGraphemes,
  countGraphemesLegacy,
  graphemeBoundaries,
} from './graphemes.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string) => [...segmenter.segment(text)].length;

describe('countGraphemes', () => {
  it('agrees with Intl.Segmenter, including its fast paths', () => {
    const samples = [
      '',
      'abc',
      'a\r\nb\n\rc',
      '\t\0x',
      'e\u0301',
      '👩🏽‍💻 ok',
      'क्षि',
      '🇩🇪🫠　',
      '日本\r\n語',
    ];
    for (const text of samples) expect(countGraphemes(text)).toBe(clusters(text));
  });

  it('agrees with Intl.Segmenter on random Unicode text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '\r\n',
        '\u0E33',
        '\u0D4E',
        '\uFF9E',
        '\u1100\u1161',
        '🇦',
        '\u200D',
        '\u0915\u094D',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(countGraphemes(text)).toBe(clusters(text));
        expect(countGraphemesLegacy(text)).toBeGreaterThanOrEqual(clusters(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the one-cluster-per-character path only for characters that never join', () => {
    // Every BMP character the fast path accepts must stand alone next to letters and Hangul.
    const simple =
      /^[^\p{M}\p{Cf}\uD800-\uDFFF\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0E33\u0EB3\u0D4E\uFF9E\uFF9F]$/u;
    const joining: string[] = [];
    for (let cp = 0x80; cp < 0x10000; cp++) {
      const c = String.fromCharCode(cp);
      if (!simple.test(c)) continue;
      // Nine characters, nine clusters, unless c joins a neighbour or itself.
      if (clusters(`a${c}\uAC00${c}\u0915${c}${c}あ${c}`) !== 9) joining.push(cp.toString(16));
    }
    expect(joining).toEqual([]);
  });
});

describe('countGraphemesLegacy', () => {
  it('splits each GB9c conjunct join and nothing else', () => {
    expect(countGraphemesLegacy('क्षि')).toBe(2);
    expect(countGraphemesLegacy('क्ष्म')).toBe(3);
    expect(countGraphemesLegacy('नमस्ते')).toBe(clusters('नमस्ते') + 1);
    expect(countGraphemesLegacy('น้ำ')).toBe(1);
    expect(countGraphemesLegacy('👨‍👩‍👧‍👦 e\u0301')).toBe(3);
  });

  it('is never below the current count', () => {
    for (const text of ['स्त्री', 'ক্ষ', 'ગ્ર', 'ଷ୍ଟ', 'క్ష', 'ക്ഷ', 'ကျွန်', 'ខ្មែរ', 'plain']) {
      expect(countGraphemesLegacy(text)).toBeGreaterThanOrEqual(countGraphemes(text));
    }
  });

  it('knows every mark through which this ICU joins a consonant', () => {
    // If a newer ICU adds a linker, the legacy count must learn it or it undercounts.
    const consonants = ['\u0915', '\u0995', '\u1000', '\u1780', '\u1B13', '\uA98F'];
    const missing: string[] = [];
    for (let cp = 0x300; cp < 0x20000; cp++) {
      const mark = String.fromCodePoint(cp);
      if (!/\p{Mn}/u.test(mark) || CONJUNCT_LINKERS.has(cp)) continue;
      if (consonants.some((c) => clusters(c + mark + c) === 1)) missing.push(cp.toString(16));
    }
    expect(missing).toEqual([]);
  });

  it('lists only marks that do join here', () => {
    for (const cp of CONJUNCT_LINKERS) {
      expect(clusters(`\u0915${String.fromCodePoint(cp)}\u0915`)).toBe(1);
    }
  });
});

describe('graphemeBoundaries', () => {
  it('gives every cluster start and the end', () => {
    expect(graphemeBoundaries('ae\u0301👍🏽')).toEqual([0, 1, 3, 7]);
    expect(graphemeBoundaries('')).toEqual([0]);
  });
});
