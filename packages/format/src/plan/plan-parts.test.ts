import { describe, expect, it } from 'vitest';
import { itemText } from './item-text.ts';
import { pickMedia } from './media.ts';
import { spoilerFor } from './spoiler.ts';
import { lessPublic, threadVisibility } from './visibility.ts';

describe('spoilerFor', () => {
  it('uses a fixed string', () => {
    expect(spoilerFor(' Spoilers ', [])).toEqual({
      text: 'Spoilers',
      rule: 'content warning from the route',
    });
    expect(spoilerFor(undefined, ['x'])).toEqual({ text: '' });
    expect(spoilerFor('', [])).toEqual({ text: '' });
  });

  it('picks the warnings of matching categories, case-insensitively, falling back to text', () => {
    const option = {
      text: 'Long read',
      categories: { Politics: 'politics', 'US News': 'politics', Food: 'food' },
    };
    expect(spoilerFor(option, ['politics', 'Tech'])).toEqual({
      text: 'politics',
      rule: 'content warning from category "politics"',
    });
    expect(spoilerFor(option, ['Food', 'us news', 'Politics']).text).toBe('food, politics');
    expect(spoilerFor(option, ['Tech'])).toEqual({
      text: 'Long read',
      rule: 'content warning from the route',
    });
    expect(spoilerFor({ categories: { Food: 'food' } }, ['Tech'])).toEqual({ text: '' });
  });
});

describe('visibility', () => {
  it('orders visibilities from public to direct', () => {
    expect(lessPublic('public', 'unlisted')).toBe('unlisted');
    expect(lessPublic('private', 'unlisted')).toBe('private');
    expect(lessPublic('direct', 'public')).toBe('direct');
  });

  it('keeps the route’s visibility for the first part and caps replies at unlisted', () => {
    expect(threadVisibility(undefined, 0)).toBe('public');
    expect(threadVisibility(undefined, 1)).toBe('unlisted');
    expect(threadVisibility('private', 2)).toBe('private');
    expect(threadVisibility('unlisted', 0)).toBe('unlisted');
  });
});

describe('pickMedia', () => {
  const images = [
    { url: 'https://x.org/a.jpg', alt: 'A' },
    { url: 'https://x.org/b.jpg', alt: '' },
    { url: 'https://x.org/c.jpg', alt: 'C' },
  ];

  it('takes item media first, then HTML images, one per URL, up to the limits', () => {
    const item = [
      { url: 'https://x.org/enclosure.png', type: 'image/png' },
      { url: 'https://x.org/a.jpg' },
    ];
    expect(pickMedia(item, images, undefined, 4)).toEqual({
      media: [
        { url: 'https://x.org/enclosure.png', type: 'image/png' },
        { url: 'https://x.org/a.jpg', alt: 'A' },
        { url: 'https://x.org/b.jpg' },
        { url: 'https://x.org/c.jpg', alt: 'C' },
      ],
      dropped: 0,
    });
    expect(pickMedia(item, images, { max: 2 }, 4).media).toHaveLength(2);
    expect(pickMedia(item, images, { max: 2 }, 4).dropped).toBe(2);
    expect(pickMedia(item, images, true, 1).media).toEqual([
      { url: 'https://x.org/enclosure.png', type: 'image/png' },
    ]);
  });

  it('attaches nothing when the route says media: false, and skips non-http URLs', () => {
    expect(pickMedia([{ url: 'https://x.org/a.jpg' }], images, false, 4)).toEqual({
      media: [],
      dropped: 0,
    });
    expect(pickMedia([{ url: 'ftp://x.org/a.jpg' }], [], undefined, 4).media).toEqual([]);
  });
});

describe('itemText', () => {
  const base = {
    source: { kind: 'feed', feedId: 'f' } as const,
    itemKey: 'k',
    categories: [],
    media: [],
  };

  it('decodes title and HTML and falls back to the content for the summary', () => {
    const text = itemText({
      ...base,
      url: 'https://blog.example.org/p/1',
      title: 'It&#8217;s <em>here</em>',
      contentHtml: '<p>Body with <a href="/x">a link</a>.</p>',
    });
    expect(text.title).toBe('It’s here');
    expect(text.content).toBe('Body with a link (https://blog.example.org/x).');
    expect(text.summary).toBe(text.content);
  });

  it('drops a release name that only repeats the tag', () => {
    const fields = (name: string) =>
      itemText({ ...base, fields: { 'release.tag': 'v1.2.0', 'release.name': name } }).fields[
        'release.name'
      ];
    expect(fields('v1.2.0')).toBe('');
    expect(fields('1.2.0')).toBe('');
    expect(fields('Release v1.2.0')).toBe('');
    expect(fields('Summer update')).toBe('Summer update');
  });
});
