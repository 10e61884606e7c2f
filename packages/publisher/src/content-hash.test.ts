import type { PostPart } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';

const part: PostPart = {
  index: 1,
  text: 'Release 1.2 https://example.org/r/1.2',
  spoilerText: '',
  visibility: 'unlisted',
  language: 'en',
  sensitive: false,
  media: [{ url: 'https://example.org/a.png', alt: 'A chart' }],
  replyToIndex: 0,
};
const plan = { itemKey: 'feed:blog:1' };
const base = contentHash('main', part, plan);

describe('content hash', () => {
  it('is deterministic hex SHA-256', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('main', structuredClone(part), { itemKey: 'feed:blog:1' })).toBe(base);
  });

  it.each<[string, () => string]>([
    ['account', () => contentHash('other', part, plan)],
    ['itemKey', () => contentHash('main', part, { itemKey: 'feed:blog:2' })],
    ['part index', () => contentHash('main', { ...part, index: 2 }, plan)],
    ['text', () => contentHash('main', { ...part, text: `${part.text}!` }, plan)],
    ['spoiler text', () => contentHash('main', { ...part, spoilerText: 'CW' }, plan)],
    ['visibility', () => contentHash('main', { ...part, visibility: 'public' }, plan)],
    ['language', () => contentHash('main', { ...part, language: 'de' }, plan)],
    ['language unset', () => contentHash('main', { ...part, language: undefined }, plan)],
    ['sensitive flag', () => contentHash('main', { ...part, sensitive: true }, plan)],
    [
      'media URL',
      () =>
        contentHash(
          'main',
          { ...part, media: [{ url: 'https://example.org/b.png', alt: 'A chart' }] },
          plan,
        ),
    ],
    [
      'alt text',
      () =>
        contentHash(
          'main',
          { ...part, media: [{ url: 'https://example.org/a.png', alt: 'A graph' }] },
          plan,
        ),
    ],
    ['media removed', () => contentHash('main', { ...part, media: [] }, plan)],
    [
      'media added',
      () => contentHash('main', { ...part, media: [...part.media, { url: 'u' }] }, plan),
    ],
    ['reply target', () => contentHash('main', { ...part, replyToIndex: undefined }, plan)],
  ])('changes when the %s changes', (_field, changed) => {
    expect(changed()).not.toBe(base);
  });

  it('changes when the media order changes', () => {
    const two = { ...part, media: [{ url: 'https://x/1' }, { url: 'https://x/2' }] };
    const swapped = { ...part, media: [{ url: 'https://x/2' }, { url: 'https://x/1' }] };
    expect(contentHash('main', two, plan)).not.toBe(contentHash('main', swapped, plan));
  });

  it('does not confuse a field boundary with content', () => {
    const a = contentHash('main', { ...part, text: 'ab', spoilerText: 'c' }, plan);
    const b = contentHash('main', { ...part, text: 'a', spoilerText: 'bc' }, plan);
    expect(a).not.toBe(b);
  });

  it('does not depend on the media type hint', () => {
    const typed = { ...part, media: [{ ...part.media[0]!, type: 'image/png' }] };
    expect(contentHash('main', typed, plan)).toBe(base);
  });
});
