import { describe, expect, it } from 'vitest';
import { MASTODON_DEFAULT_LIMITS } from './limits.ts';

describe('limits', () => {
  it('has Mastodon’s defaults', () => {
    expect(MASTODON_DEFAULT_LIMITS).toEqual({ maxCharacters: 500, urlChars: 23, maxMedia: 4 });
  });
});
