import { describe, expect, it } from 'vitest';
import { deriveItemKey, normalizeLink } from './item-key.ts';

describe('deriveItemKey', () => {
  it('uses the id verbatim, trimmed', () => {
    expect(deriveItemKey({ id: '  6731f0c2a4b1e20001d3c9a7 ', link: 'https://x/1' })).toBe(
      '6731f0c2a4b1e20001d3c9a7',
    );
  });

  it('treats an http id and its https twin as the same item', () => {
    expect(deriveItemKey({ id: 'http://example.org/?p=1' })).toBe(
      deriveItemKey({ id: 'https://example.org/?p=1' }),
    );
  });

  it('hashes overlong ids', () => {
    const key = deriveItemKey({ id: 'x'.repeat(500) });
    expect(key).toMatch(/^id:[0-9a-f]{40}$/);
  });

  it('falls back to feed URL + normalised link, ignoring tracking parameters', () => {
    const a = deriveItemKey({ link: 'http://example.org/post?utm_source=rss#top' }, 'https://f/1');
    const b = deriveItemKey({ link: 'https://example.org/post' }, 'https://f/1');
    const otherFeed = deriveItemKey({ link: 'https://example.org/post' }, 'https://f/2');
    expect(a).toMatch(/^link:[0-9a-f]{40}$/);
    expect(a).toBe(b);
    expect(otherFeed).not.toBe(a);
  });

  it('falls back to title + date + snippet when there is neither id nor link', () => {
    const item = { title: 'Hello', date: '2025-01-01T00:00:00.000Z', contentSnippet: 'Hi' };
    expect(deriveItemKey(item)).toMatch(/^content:[0-9a-f]{40}$/);
    expect(deriveItemKey(item)).toBe(deriveItemKey({ ...item }));
    expect(deriveItemKey({ ...item, title: 'Hello!' })).not.toBe(deriveItemKey(item));
  });

  it('ignores blank ids', () => {
    expect(deriveItemKey({ id: '   ', link: 'https://example.org/a' })).toMatch(/^link:/);
  });
});

describe('normalizeLink', () => {
  it('keeps meaningful query parameters and leaves non-URLs alone', () => {
    expect(normalizeLink('https://Example.org/a?id=3&utm_medium=feed')).toBe(
      'https://example.org/a?id=3',
    );
    expect(normalizeLink('not a url')).toBe('not a url');
  });
});
