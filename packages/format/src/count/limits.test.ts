import { describe, expect, it } from 'vitest';
import { MASTODON_DEFAULT_LIMITS, parseInstanceLimits } from './limits.ts';

describe('parseInstanceLimits', () => {
  it('reads configuration.statuses from a v2 or v1 instance body', () => {
    const body = {
      configuration: {
        statuses: {
          max_characters: 1000,
          characters_reserved_per_url: 30,
          max_media_attachments: 6,
        },
      },
    };
    expect(parseInstanceLimits(body)).toEqual({ maxCharacters: 1000, urlChars: 30, maxMedia: 6 });
  });

  it('fills missing or invalid values from the fallback', () => {
    const body = {
      configuration: { statuses: { max_characters: 3000, characters_reserved_per_url: -1 } },
    };
    expect(parseInstanceLimits(body)).toEqual({ maxCharacters: 3000, urlChars: 23, maxMedia: 4 });
  });

  it('accepts the top-level max_toot_chars of Pleroma-style servers', () => {
    expect(parseInstanceLimits({ max_toot_chars: 5000 })?.maxCharacters).toBe(5000);
  });

  it('returns undefined when the body says nothing about the limit', () => {
    for (const body of [null, 'text', {}, { configuration: { statuses: {} } }, [1, 2]]) {
      expect(parseInstanceLimits(body)).toBeUndefined();
    }
  });

  it('has Mastodon’s defaults', () => {
    expect(MASTODON_DEFAULT_LIMITS).toEqual({ maxCharacters: 500, urlChars: 23, maxMedia: 4 });
  });
});
