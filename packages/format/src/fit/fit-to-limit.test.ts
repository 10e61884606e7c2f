import { HeraldError } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { countStatus, countStatusConservative } from '../count/count-status.ts';
import { type FitInput, fitToLimit, type Segment } from './fit-to-limit.ts';

const limits = (maxCharacters: number) => ({ maxCharacters, urlChars: 23, maxMedia: 4 });
const body = (text: string): Segment => ({ text, shrink: true, kind: 'body' });
const literal = (text: string): Segment => ({ text, shrink: false, kind: 'literal' });
const link = (text: string): Segment => ({ text, shrink: false, kind: 'link' });
const hashtags = (text: string): Segment => ({ text, shrink: false, kind: 'hashtags' });
const LINK = 'https://blog.example.com/2024/05/a-long-article-slug-that-counts-23';

function fit(input: Partial<FitInput> & Pick<FitInput, 'segments'>, max = 100) {
  return fitToLimit({ spoilerText: '', overflow: 'truncate', limits: limits(max), ...input });
}

function fitError(run: () => unknown): HeraldError {
  try {
    run();
  } catch (error) {
    if (error instanceof HeraldError) return error;
    throw error;
  }
  throw new Error('expected a HeraldError');
}

const SENTENCES =
  'Herald cross-posts feeds to Mastodon. It counts every status exactly as the server ' +
  'does, so nothing is rejected. Long posts are cut at a sentence, or split into a thread ' +
  'when the route asks for one. Links and hashtags keep their place.';

describe('fitToLimit: when everything fits', () => {
  it('returns the text unchanged as one part with its count', () => {
    const parts = fit({ segments: [body('Hello '), link(LINK)], spoilerText: 'cw' });
    expect(parts).toEqual([{ text: `Hello ${LINK}`, spoilerText: 'cw', length: 2 + 6 + 23 }]);
  });

  it('fits exactly at the limit', () => {
    const parts = fit({ segments: [body('a'.repeat(100))] });
    expect(parts).toEqual([{ text: 'a'.repeat(100), spoilerText: '', length: 100 }]);
  });

  it('returns blank text as is', () => {
    expect(fit({ segments: [body('')] })).toEqual([{ text: '', spoilerText: '', length: 0 }]);
  });
});

describe('fitToLimit: truncate', () => {
  const segments = [
    body(SENTENCES),
    literal('\n\n'),
    link(LINK),
    literal('\n\n'),
    hashtags('#herald #mastodon'),
  ];

  it('cuts at a sentence end, adds an ellipsis, keeps the link and hashtags', () => {
    const [part, ...more] = fit({ segments }, 165);
    expect(more).toEqual([]);
    expect(part!.text).toBe(
      'Herald cross-posts feeds to Mastodon. It counts every status exactly as the server ' +
        `does, so nothing is rejected. …\n\n${LINK}\n\n#herald #mastodon`,
    );
    expect(part!.length).toBeLessThanOrEqual(165);
    expect(part!.length).toBe(countStatus(part!.text, '', 23));
  });

  it('cuts at a word when the last sentence end would keep too little', () => {
    const [part] = fit({ segments: [body(`${'word '.repeat(40)}end.`)] }, 50);
    expect(part!.text).toBe(`${'word '.repeat(9)}word…`);
    expect(part!.length).toBe(50);
  });

  it('counts the content warning in the budget', () => {
    const [withCw] = fit({ segments: [body('word '.repeat(40))], spoilerText: 'a'.repeat(30) }, 80);
    expect(withCw!.text).toBe(`${'word '.repeat(9)}word…`);
    expect(withCw!.length).toBe(30 + 50);
  });

  it('keeps a margin below the limit', () => {
    const [part] = fit({ segments: [body('word '.repeat(40))], margin: 10 }, 60);
    expect(part!.length).toBeLessThanOrEqual(50);
    expect(part!.text).toBe(`${'word '.repeat(9)}word…`);
  });

  it('never cuts inside a URL, and separates the ellipsis from it', () => {
    const url = 'https://example.org/a/really/long/path/in/the/body';
    const [part] = fit({ segments: [body(`Read ${url} and then something else entirely`)] }, 32);
    expect(part!.text).toBe(`Read ${url} …`);
    expect(part!.length).toBe(5 + 23 + 2);
  });

  it('never cuts inside an unrecognised URL, a mention or a hashtag', () => {
    const ftp = `ftp://files.example.org/${'f'.repeat(30)}`;
    for (const token of [
      ftp,
      '@someone@mastodon.example.social',
      '#averyveryverylonghashtagname',
    ]) {
      // The mention counts as @someone (8), so 17 leaves no room for it and its ellipsis.
      const [part] = fit({ segments: [body(`one two ${token} three four`)] }, 17);
      expect(part!.text).toBe('one two…');
    }
  });

  it('cuts inside a word only when no word fits, and never inside a cluster', () => {
    const [latin] = fit({ segments: [body('x'.repeat(300))] }, 10);
    expect(latin!.text).toBe(`${'x'.repeat(9)}…`);
    const flags = '🇩🇪🇫🇷🇮🇹🇪🇸🇵🇹🇬🇧';
    const [emoji] = fit({ segments: [body(flags.repeat(3))] }, 4);
    expect(emoji!.text).toBe('🇩🇪🇫🇷🇮🇹…');
  });

  it('cuts CJK text between words', () => {
    const [part] = fit(
      { segments: [body('日本語のテキストはスペースなしで書かれます。'.repeat(5))] },
      30,
    );
    expect(part!.length).toBeLessThanOrEqual(30);
    expect(part!.text.endsWith('…')).toBe(true);
    expect(
      '日本語のテキストはスペースなしで書かれます。'.repeat(5).startsWith(part!.text.slice(0, -1)),
    ).toBe(true);
  });

  it('shortens the last body segment first and drops it whole with its separator', () => {
    const segments = [
      body('A fine title'),
      literal('\n\n'),
      body('A summary that is long enough to be cut off here.'),
      literal('\n\n'),
      link(LINK),
    ];
    expect(fit({ segments }, 60)[0]!.text).toBe(`A fine title\n\nA summary that is…\n\n${LINK}`);
    expect(fit({ segments }, 40)[0]!.text).toBe(`A fine title\n\n${LINK}`);
  });

  it('drops hashtags from the end only when even no body does not fit', () => {
    const tags = hashtags('#one #two #three');
    const segments = [body('Some body text.'), literal('\n\n'), link(LINK), literal('\n\n'), tags];
    expect(fit({ segments }, 23 + 2 + 16 + 2 + 6)[0]!.text).toBe(
      `Some…\n\n${LINK}\n\n#one #two #three`,
    );
    expect(fit({ segments }, 23 + 2 + 9)[0]!.text).toBe(`${LINK}\n\n#one #two`);
    expect(fit({ segments }, 23)[0]!.text).toBe(LINK);
  });

  it('fails permanently when the fixed text alone is too long', () => {
    const error = fitError(() =>
      fit({ segments: [body('x'), link(`ftp://example.org/${'p'.repeat(100)}`)] }, 50),
    );
    expect(error.code).toBe('HERALD_FIT_UNBREAKABLE');
    expect(error.kind).toBe('permanent');
  });

  it('fails permanently when the content warning leaves no room', () => {
    for (const spoiler of ['a'.repeat(101), 'a'.repeat(100)]) {
      const error = fitError(() => fit({ segments: [body('text')], spoilerText: spoiler }));
      expect(error.code).toBe('HERALD_FIT_SPOILER_TOO_LONG');
      expect(error.kind).toBe('permanent');
    }
  });

  it('fits Indic conjuncts by the count of servers before Unicode 15.1', () => {
    const text = 'क्षत्रिय '.repeat(40);
    const [part] = fit({ segments: [body(text)] }, 50);
    expect(countStatusConservative(part!.text, '', 23)).toBeLessThanOrEqual(50);
    expect(part!.length).toBeLessThan(countStatusConservative(part!.text, '', 23));
  });
});

describe('fitToLimit: thread', () => {
  const thread = (segments: Segment[], max: number, spoilerText = '') =>
    fitToLimit({ segments, spoilerText, overflow: 'thread', limits: limits(max) });

  it('numbers the parts, keeps the link in the first, carries the CW, loses no word', () => {
    const segments = [body(SENTENCES), literal('\n\n'), link(LINK)];
    const parts = thread(segments, 100, 'CW');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.text.endsWith(`\n\n${i + 1}/${parts.length}`)).toBe(true);
      expect(part.spoilerText).toBe('CW');
      expect(part.length).toBeLessThanOrEqual(100);
    });
    expect(parts[0]!.text).toContain(LINK);
    const words = parts
      .map((part, i) => part.text.replace(`\n\n${i + 1}/${parts.length}`, '').replace(LINK, ''))
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    expect(words).toEqual(SENTENCES.split(/\s+/));
  });

  it('splits at sentence ends when they keep enough', () => {
    const parts = thread([body(SENTENCES)], 120);
    expect(parts.map((p) => p.text.replace(/\n\n\d+\/\d+$/, ''))).toEqual([
      'Herald cross-posts feeds to Mastodon. It counts every status exactly as the server does, so nothing is rejected.',
      'Long posts are cut at a sentence, or split into a thread when the route asks for one.',
      'Links and hashtags keep their place.',
    ]);
  });

  it('numbers ten or more parts with the width counted', () => {
    const parts = thread([body('word '.repeat(200))], 40);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.at(-1)!.text.endsWith(`\n\n${parts.length}/${parts.length}`)).toBe(true);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
    expect(parts.map((p) => p.text.replace(/\n\n\d+\/\d+$/, '')).join(' ')).toBe(
      'word '.repeat(200).trim(),
    );
  });

  it('splits a word longer than a part between clusters', () => {
    const parts = thread([body('👋🏽'.repeat(30))], 20);
    expect(parts.map((p) => p.text.replace(/\n\n\d+\/\d+$/, '')).join('')).toBe('👋🏽'.repeat(30));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(20);
  });

  it('fails permanently on a URL longer than a part', () => {
    const ftp = `ftp://example.org/${'p'.repeat(120)}`;
    const error = fitError(() => thread([body(`Look at ${ftp} now`)], 100));
    expect(error.code).toBe('HERALD_FIT_UNBREAKABLE');
    expect(error.message).toContain('ftp://example.org/ppp');
  });

  it('fails permanently when the CW leaves no room', () => {
    const error = fitError(() => thread([body(SENTENCES)], 50, 'c'.repeat(60)));
    expect(error.code).toBe('HERALD_FIT_SPOILER_TOO_LONG');
  });
});
