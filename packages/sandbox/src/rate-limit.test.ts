import { describe, expect, it } from 'vitest';
import { createRateLimiter, isoMicroseconds, type ThrottleRequest } from './rate-limit.ts';

const base: ThrottleRequest = {
  method: 'GET',
  path: '/api/v1/statuses/1',
  ip: '127.0.0.1',
  userId: '1',
  tokenId: 't1',
  paging: false,
};

describe('rate limiter', () => {
  it('formats resets like Ruby iso8601(6)', () => {
    expect(isoMicroseconds(Date.UTC(2026, 7, 21, 13, 55))).toBe('2026-08-21T13:55:00.000000Z');
    expect(isoMicroseconds(Date.UTC(2026, 7, 21, 13, 55, 0, 250))).toBe(
      '2026-08-21T13:55:00.250000Z',
    );
  });

  it('reports the most limited matching throttle and resets at the epoch-aligned window end', () => {
    let now = Date.UTC(2026, 7, 21, 13, 52, 30);
    const limiter = createRateLimiter('mastodon', () => now);
    const first = limiter.hit(base);
    // Per user 1500 and per token 300 both match: the token throttle has less left.
    expect(first).toEqual({
      throttled: false,
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '299',
        'x-ratelimit-reset': '2026-08-21T13:55:00.000000Z',
      },
    });
    now += 1500; // sub-second part of the request time is carried into the reset, as in Mastodon
    expect(limiter.hit(base).headers?.['x-ratelimit-reset']).toBe('2026-08-21T13:55:00.500000Z');
  });

  it('answers the 301st token request in a window with throttled, then starts over', () => {
    let now = Date.UTC(2026, 7, 21, 13, 50, 0);
    const limiter = createRateLimiter('mastodon', () => now);
    for (let i = 0; i < 300; i++) expect(limiter.hit(base).throttled).toBe(false);
    const over = limiter.hit(base);
    expect(over.throttled).toBe(true);
    expect(over.headers?.['x-ratelimit-remaining']).toBe('0');
    // Another token of the same user is counted separately (but the user total goes on).
    expect(limiter.hit({ ...base, tokenId: 't9' }).headers?.['x-ratelimit-remaining']).toBe('299');
    now = Date.UTC(2026, 7, 21, 13, 55, 0);
    expect(limiter.hit(base)).toMatchObject({ throttled: false });
  });

  it('limits media uploads to 30 per 30 minutes per user, on v1 and v2', () => {
    const limiter = createRateLimiter('mastodon', () => Date.UTC(2026, 0, 1));
    const upload = (path: string) => limiter.hit({ ...base, method: 'POST', path });
    for (let i = 0; i < 15; i++) upload('/api/v1/media');
    for (let i = 0; i < 14; i++) upload('/api/v2/media');
    expect(upload('/api/v2/media').headers).toMatchObject({
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2026-01-01T00:30:00.000000Z',
    });
    expect(upload('/api/v2/media').throttled).toBe(true);
  });

  it('limits deletes to 30 per 30 minutes per user', () => {
    const limiter = createRateLimiter('mastodon', () => Date.UTC(2026, 0, 1));
    const del = { ...base, method: 'DELETE', path: '/api/v1/statuses/123' };
    for (let i = 0; i < 30; i++) expect(limiter.hit(del).throttled).toBe(false);
    expect(limiter.hit(del).throttled).toBe(true);
  });

  it('counts unauthenticated API requests per IP', () => {
    const limiter = createRateLimiter('mastodon', () => 0);
    const anonymous = { ...base, userId: null, tokenId: null };
    expect(limiter.hit(anonymous).headers?.['x-ratelimit-remaining']).toBe('299');
    expect(limiter.hit({ ...anonymous, ip: '10.0.0.2' }).headers?.['x-ratelimit-remaining']).toBe(
      '299',
    );
  });

  it('does not throttle paths outside /api without paging', () => {
    const limiter = createRateLimiter('mastodon', () => 0);
    expect(limiter.hit({ ...base, path: '/oauth/token', method: 'POST' }).headers).toBeNull();
    expect(limiter.hit({ ...base, path: '/oauth/authorize', paging: true }).headers).toMatchObject({
      'x-ratelimit-limit': '300',
    });
  });

  it('allows 300 statuses per account per 3-hour window', () => {
    let now = Date.UTC(2026, 7, 21, 10, 30);
    const limiter = createRateLimiter('mastodon', () => now);
    expect(limiter.statusHeaders('1')).toEqual({
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '300',
      'x-ratelimit-reset': '2026-08-21T12:00:00.000000Z',
    });
    for (let i = 0; i < 300; i++) expect(limiter.recordStatus('1')).toBe(true);
    expect(limiter.recordStatus('1')).toBe(false);
    expect(limiter.recordStatus('2')).toBe(true);
    expect(limiter.statusHeaders('1')?.['x-ratelimit-remaining']).toBe('0');
    now = Date.UTC(2026, 7, 21, 12, 0);
    expect(limiter.recordStatus('1')).toBe(true);
  });

  it('has no limits and no headers when off', () => {
    const limiter = createRateLimiter('off', () => 0);
    for (let i = 0; i < 2000; i++)
      expect(limiter.hit(base)).toEqual({ headers: null, throttled: false });
    expect(limiter.recordStatus('1')).toBe(true);
    expect(limiter.statusHeaders('1')).toBeNull();
  });

  it('applies one simple throttle per token when configured', () => {
    let now = 20_000;
    const limiter = createRateLimiter({ max: 2, windowMs: 10_000 }, () => now);
    expect(limiter.hit(base).headers).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '1970-01-01T00:00:30.000000Z',
    });
    expect(limiter.hit(base).throttled).toBe(false);
    expect(limiter.hit(base).throttled).toBe(true);
    expect(limiter.hit({ ...base, tokenId: 't2' }).throttled).toBe(false);
    now = 30_000;
    expect(limiter.hit(base).throttled).toBe(false);
    expect(limiter.statusHeaders('1')).toBeNull();
  });
});
