import { describe, expect, it } from 'vitest';
import { hashtagOptions, hashtagsFor } from './hashtags-for.ts';
import { hashtagsInText, toHashtag } from './to-hashtag.ts';

// Mastodon's HASHTAG_RE (app/models/tag.rb, reference §9) as a JavaScript regex: what the server
// tags when it reads `#name` after a space.
const WORD = '\\p{L}\\p{M}\\p{Nd}_';
const SEP = '\\u00B7\\u30FB\\u200C';
const SERVER_TAG = new RegExp(
  `^#((?:[${WORD}][${WORD}${SEP}]*[\\p{Alphabetic}${SEP}][${WORD}${SEP}]*[${WORD}])|(?:[${WORD}]*\\p{Alphabetic}[${WORD}]*))`,
  'u',
);

/** The tag the server would see in ` #Name rest`: the whole name, or it was cut short. */
const serverReads = (tag: string) => SERVER_TAG.exec(tag)?.[0];

describe('toHashtag', () => {
  it.each([
    ['Open Source', '#OpenSource'],
    ['open-source', '#OpenSource'],
    ['c++', '#cpp'],
    ['C#', '#CSharp'],
    ['.NET', '#DotNet'],
    ['node.js', '#NodeJs'],
    ['日本語', '#日本語'],
    ['über-cool', '#ÜberCool'],
    ['AI/ML', '#AIML'],
    ['rust', '#rust'],
    ['#already', '#already'],
    ["Editor's Picks", '#EditorsPicks'],
    ['2024 Election', '#2024Election'],
    ['v2024', '#v2024'],
    ['snake_case', '#snake_case'],
    ['Ελληνικά νέα', '#ΕλληνικάΝέα'],
    ['हिन्दी', '#हिन्दी'],
    ['ナカ・グロ', '#ナカ・グロ'],
  ])('%s → %s', (category, tag) => {
    expect(toHashtag(category)).toBe(tag);
    expect(serverReads(tag)).toBe(tag);
  });

  it.each(['2024', '', '   ', '#', '+++', '1.0', '🚀'])(
    'drops %j, which has no letter',
    (category) => {
      expect(toHashtag(category)).toBeUndefined();
    },
  );
});

describe('hashtagsFor', () => {
  const defaults = hashtagOptions(undefined);

  it('puts `always` first, deduplicates case-insensitively and caps at max', () => {
    expect(
      hashtagsFor(
        ['Open Source', 'open-source', 'OPENSOURCE', 'Rust', '2024', 'c++', 'Go', 'Zig'],
        {
          ...defaults,
          always: ['herald', 'rust'],
          max: 5,
        },
      ),
    ).toEqual(['#herald', '#rust', '#OpenSource', '#cpp', '#Go']);
  });

  it('splits a comma-separated category', () => {
    expect(hashtagsFor(['news, politics'], defaults)).toEqual(['#news', '#politics']);
  });

  it('skips tags the text already has', () => {
    expect(
      hashtagsFor(['Rust', 'WebDev'], {
        ...defaults,
        exclude: hashtagsInText('New in #rust today'),
      }),
    ).toEqual(['#WebDev']);
  });

  it('uses only `always` when categories are off, and nothing when hashtags are off', () => {
    expect(hashtagsFor(['Rust'], { max: 5, always: ['news'], fromCategories: false })).toEqual([
      '#news',
    ]);
    expect(hashtagsFor(['Rust'], hashtagOptions(false))).toEqual([]);
    expect(hashtagOptions(true)).toEqual(defaults);
  });
});

describe('hashtagsInText', () => {
  it('finds the tags Mastodon would see', () => {
    expect([
      ...hashtagsInText('#Rust and #2024 and https://x.org/#frag and a#b and #ÜBER'),
    ]).toEqual(['rust', 'über']);
  });
});
