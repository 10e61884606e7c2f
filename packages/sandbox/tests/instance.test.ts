import { describe, expect, it } from 'vitest';
import { injected } from './_util.ts';

describe('instance and count endpoints', () => {
  it('publishes the configured limits in /api/v2/instance', async () => {
    const sandbox = injected({ maxCharacters: 1000, urlChars: 30, maxMediaAttachments: 6 });
    const response = await sandbox.request('GET', '/api/v2/instance', { token: null });
    expect(response.status).toBe(200);
    expect(response.body!.configuration.statuses).toEqual({
      max_characters: 1000,
      max_media_attachments: 6,
      characters_reserved_per_url: 30,
    });
    expect(response.body!.configuration.media_attachments).toMatchObject({
      image_size_limit: 16_777_216,
      video_size_limit: 103_809_024,
      image_matrix_limit: 33_177_600,
      video_matrix_limit: 8_294_400,
      video_frame_rate_limit: 120,
      description_limit: 10_000,
      supported_mime_types: expect.arrayContaining(['image/png', 'video/mp4', 'audio/mpeg']),
    });
    expect(response.body!.api_versions).toEqual({ mastodon: 11 });
  });

  it('serves the deprecated /api/v1/instance with its Deprecation header', async () => {
    const sandbox = injected();
    const response = await sandbox.request('GET', '/api/v1/instance', { token: null });
    expect(response.headers.deprecation).toBe('@1668384000');
    expect(response.body!.configuration.statuses.max_characters).toBe(500);
    expect(response.body!.configuration.media_attachments.description_limit).toBeUndefined();
  });

  it('counts with the validator’s own counter at /__sandbox/count', async () => {
    const sandbox = injected({ urlChars: 23 });
    const count = async (body: object) =>
      (await sandbox.request('POST', '/__sandbox/count', { token: null, json: body })).body;
    expect(
      await count({
        status: 'hi https://example.com/a/long/path @bob@example.org',
        spoiler_text: 'cw',
      }),
    ).toEqual({
      length: 2 + 3 + 23 + 1 + 4,
    });
    expect(await count({ status: '  ', spoiler_text: 'https://example.com/a/long/path' })).toEqual({
      length: 23,
    });
    expect(await count({})).toEqual({ length: 0 });
  });

  it('does not rate-limit or authenticate the count endpoint', async () => {
    const sandbox = injected({ rateLimit: { max: 1, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      const response = await sandbox.request('POST', '/__sandbox/count', {
        token: 'bogus',
        json: { status: 'x' },
      });
      expect(response.status).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});
