import { describe, expect, it } from 'vitest';
import { networkError, responseError } from './errors.ts';

const post = { method: 'POST', path: '/api/v1/statuses', keyed: true };
const get = { method: 'GET', path: '/api/v1/statuses/1', keyed: false };
const now = 1_000;

describe('response classification', () => {
  it('makes 4xx permanent with the server’s message and a stable code', () => {
    for (const status of [400, 401, 403, 404, 422]) {
      const error = responseError(get, status, '{"error":"The access token is invalid"}', 0, now);
      expect(error.kind).toBe('permanent');
      expect(error.code).toBe(`HERALD_MASTODON_${status}`);
      expect(error.message).toContain('The access token is invalid');
    }
  });
  it('tells a too-long post apart', () => {
    const body = '{"error":"Validation failed: Text character limit of 500 exceeded"}';
    const error = responseError(post, 422, body, undefined, now);
    expect(error.code).toBe('HERALD_MASTODON_TOO_LONG');
    expect(error.kind).toBe('permanent');
  });
  it('makes 429 rate-limited until the reset, or a minute without one', () => {
    expect(responseError(get, 429, '{"error":"Too many requests"}', 5_000, now)).toMatchObject({
      kind: 'rate-limited',
      resetAt: 5_000,
    });
    expect(responseError(get, 429, '', undefined, now).resetAt).toBe(61_000);
  });
  it('makes 5xx transient, and ambiguous after a keyed post', () => {
    const body = '{"status":500,"error":"Internal Server Error"}';
    expect(responseError(get, 503, body, undefined, now)).toMatchObject({
      kind: 'transient',
      code: 'HERALD_MASTODON_503',
    });
    expect(responseError(post, 500, body, undefined, now)).toMatchObject({
      kind: 'transient',
      code: 'HERALD_MASTODON_AMBIGUOUS',
    });
  });
  it('keeps an HTML error page out of the message', () => {
    expect(responseError(get, 502, '<html>Bad gateway</html>', undefined, now).message).toMatch(
      /answered 502: HTTP 502$/,
    );
  });
});

describe('network classification', () => {
  const error = (code: string) => Object.assign(new Error('boom'), { code });
  it('is not ambiguous when nothing was sent', () => {
    expect(networkError(post, error('ECONNREFUSED')).code).toBe('HERALD_MASTODON_NETWORK');
    expect(networkError(post, error('UND_ERR_CONNECT_TIMEOUT')).code).toBe(
      'HERALD_MASTODON_TIMEOUT',
    );
  });
  it('is ambiguous when a keyed post may have arrived', () => {
    expect(networkError(post, error('UND_ERR_SOCKET')).code).toBe('HERALD_MASTODON_AMBIGUOUS');
    expect(networkError(post, error('UND_ERR_HEADERS_TIMEOUT')).code).toBe(
      'HERALD_MASTODON_AMBIGUOUS',
    );
    expect(networkError(get, error('UND_ERR_HEADERS_TIMEOUT')).code).toBe(
      'HERALD_MASTODON_TIMEOUT',
    );
  });
});
