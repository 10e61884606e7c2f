import { describe, expect, it } from 'vitest';
import { nextLink, parseRateLimit, parseResetAt } from './rate-limit.ts';

const now = Date.parse('2026-08-21T13:50:00Z');

describe('rate-limit headers', () => {
  it('read Mastodon’s ISO 8601 reset with microseconds', () => {
    expect(
      parseRateLimit(
        {
          'x-ratelimit-limit': '300',
          'x-ratelimit-remaining': '12',
          'x-ratelimit-reset': '2026-08-21T13:55:00.123456Z',
        },
        now,
      ),
    ).toEqual({ limit: 300, remaining: 12, resetAt: Date.parse('2026-08-21T13:55:00.123Z') });
  });
  it('accept epoch seconds and delays from servers that send numbers', () => {
    expect(parseResetAt('1787320500', now)).toBe(1_787_320_500_000);
    expect(parseResetAt('30', now)).toBe(now + 30_000);
    expect(parseResetAt('soon', now)).toBeUndefined();
  });
  it('are undefined when absent or incomplete', () => {
    expect(parseRateLimit({}, now)).toBeUndefined();
    expect(parseRateLimit({ 'x-ratelimit-remaining': '3' }, now)).toBeUndefined();
  });
});

describe('Link header', () => {
  it('finds rel="next" among several links', () => {
    const link =
      '<https://m.example/api/v1/accounts/1/statuses?max_id=9>; rel="next", ' +
      '<https://m.example/api/v1/accounts/1/statuses?min_id=20>; rel="prev"';
    expect(nextLink({ link })).toBe('https://m.example/api/v1/accounts/1/statuses?max_id=9');
    expect(nextLink({ link: '<https://m.example/x?min_id=2>; rel="prev"' })).toBeUndefined();
    expect(nextLink({})).toBeUndefined();
  });
});
