import { describe, expect, it } from 'vitest';
import { limitsFromInstance, MASTODON_DEFAULT_LIMITS } from './instance-limits.ts';

describe('instance limits', () => {
  it('read configuration.statuses and media_attachments', () => {
    const limits = limitsFromInstance({
      configuration: {
        statuses: {
          max_characters: 5000,
          characters_reserved_per_url: 23,
          max_media_attachments: 6,
        },
        media_attachments: {
          supported_mime_types: ['image/png'],
          image_size_limit: 10_485_760,
          video_size_limit: 41_943_040,
          description_limit: 10_000,
        },
      },
    });
    expect(limits).toEqual({
      maxCharacters: 5000,
      urlChars: 23,
      maxMedia: 6,
      media: {
        supportedMimeTypes: ['image/png'],
        imageSizeLimit: 10_485_760,
        videoSizeLimit: 41_943_040,
        descriptionLimit: 10_000,
      },
    });
  });
  it('fall back to Mastodon’s defaults field by field', () => {
    expect(limitsFromInstance({})).toEqual(MASTODON_DEFAULT_LIMITS);
    expect(limitsFromInstance({ configuration: { statuses: { max_characters: -1 } } })).toEqual(
      MASTODON_DEFAULT_LIMITS,
    );
    expect(MASTODON_DEFAULT_LIMITS.maxCharacters).toBe(500);
    expect(limitsFromInstance({ max_toot_chars: 5000 }).maxCharacters).toBe(5000);
  });
});
