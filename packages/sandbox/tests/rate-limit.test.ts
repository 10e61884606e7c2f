import { describe, expect, it } from 'vitest';
import { injected, manualClock } from './_util.ts';

describe('rate limits over HTTP', () => {
  it('puts the most limited throttle in X-RateLimit-* on every API response', async () => {
    const clock = manualClock(Date.UTC(2026, 7, 21, 13, 52, 10));
    const sandbox = injected({ rateLimit: 'mastodon', now: clock.now });
    const response = await sandbox.request('GET', '/api/v1/accounts/verify_credentials');
    expect(response.headers).toMatchObject({
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': '2026-08-21T13:55:00.000000Z',
    });
    expect(response.headers['retry-after']).toBeUndefined();
    const anonymous = await sandbox.request('GET', '/api/v2/instance', { token: null });
    expect(anonymous.headers['x-ratelimit-limit']).toBe('300');
  });

  it('answers the 301st request of a token in a 5-minute window with 429', async () => {
    const clock = manualClock(Date.UTC(2026, 7, 21, 13, 50, 0));
    const sandbox = injected({ rateLimit: 'mastodon', now: clock.now });
    for (let i = 0; i < 300; i++) {
      expect((await sandbox.request('GET', '/api/v1/accounts/verify_credentials')).status).toBe(
        200,
      );
    }
    const limited = await sandbox.request('GET', '/api/v1/accounts/verify_credentials');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'Too many requests' });
    expect(limited.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/json/),
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2026-08-21T13:55:00.000000Z',
    });
    expect(limited.headers['retry-after']).toBeUndefined();
    // Another account's token is not affected; the next window starts over.
    expect(
      (await sandbox.request('GET', '/api/v1/accounts/verify_credentials', { token: 't2' })).status,
    ).toBe(200);
    clock.set(Date.UTC(2026, 7, 21, 13, 55, 0));
    expect((await sandbox.request('GET', '/api/v1/accounts/verify_credentials')).status).toBe(200);
  });

  it('shows the statuses family on POST and PUT statuses, and enforces 300 per 3 hours', async () => {
    const clock = manualClock(Date.UTC(2026, 7, 21, 13, 0, 0));
    const sandbox = injected({ rateLimit: 'mastodon', now: clock.now });
    const first = await sandbox.post('one');
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': '2026-08-21T15:00:00.000000Z',
    });
    const edit = await sandbox.request('PUT', `/api/v1/statuses/${first.body!.id}`, {
      json: { status: 'one, edited' },
    });
    expect(edit.headers['x-ratelimit-remaining']).toBe('298'); // edits count too
    for (let i = 0; i < 298; i++) {
      clock.advance(1000); // keep the 5-minute API throttles out of the way
      if (i % 200 === 199) clock.advance(300_000);
      expect((await sandbox.post(`post ${i}`)).status).toBe(200);
    }
    clock.advance(300_000);
    const over = await sandbox.post('one too many');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ error: 'Too many requests' });
    expect(over.headers['x-ratelimit-remaining']).toBe('0');
    expect(sandbox.statuses()).toHaveLength(299);
    clock.set(Date.UTC(2026, 7, 21, 16, 0, 0));
    expect((await sandbox.post('next window')).status).toBe(200);
  });

  it('limits media uploads to 30 per 30 minutes', async () => {
    const clock = manualClock(Date.UTC(2026, 7, 21, 13, 0, 0));
    const sandbox = injected({ rateLimit: 'mastodon', now: clock.now });
    const upload = () => sandbox.request('POST', '/api/v2/media', { json: {} });
    for (let i = 0; i < 30; i++) expect((await upload()).status).toBe(422); // no file, still counted
    const over = await upload();
    expect(over.status).toBe(429);
    expect(over.headers).toMatchObject({
      'x-ratelimit-limit': '30',
      'x-ratelimit-reset': '2026-08-21T13:30:00.000000Z',
    });
  });

  it('applies a simple n-per-window throttle per token when configured', async () => {
    const clock = manualClock(Date.UTC(2026, 7, 21, 13, 0, 5));
    const sandbox = injected({ rateLimit: { max: 2, windowMs: 10_000 }, now: clock.now });
    const get = (token = 't1') =>
      sandbox.request('GET', '/api/v1/accounts/verify_credentials', { token });
    expect((await get()).headers).toMatchObject({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '2026-08-21T13:00:10.000000Z',
    });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    expect((await get('t2')).status).toBe(200);
    clock.advance(5000);
    expect((await get()).status).toBe(200);
    // POST statuses shows the simple throttle, not a statuses family.
    expect((await sandbox.post('x')).headers['x-ratelimit-limit']).toBe('2');
  });

  it('sends no rate-limit headers when off', async () => {
    const sandbox = injected({ rateLimit: 'off' });
    const response = await sandbox.post('x');
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
