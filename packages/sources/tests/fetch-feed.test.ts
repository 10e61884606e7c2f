import { brotliCompressSync, gzipSync } from 'node:zlib';
import { HeraldError } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../src/feed/fetch-feed.ts';
import { feedHandler, fixture, fixtureText, startServer, type TestServer } from './_util.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(HeraldError);
      return error as HeraldError;
    },
  );

describe('fetchFeed', () => {
  it('sends Accept and Accept-Encoding, and returns the decoded text and validators', async () => {
    server.route(
      '/plain',
      feedHandler(() => fixtureText('hugo.xml'), { etag: () => '"v1"' }),
    );
    const result = await fetchFeed(server.url('/plain'), {});
    expect(result).toMatchObject({ status: 'ok', etag: '"v1"', charset: 'utf-8' });
    expect(result.status === 'ok' && result.text).toContain('Posts on Lina Bergström');
    const [headers] = server.hits('/plain');
    expect(headers?.accept).toContain('application/rss+xml');
    expect(headers?.accept).toContain('application/atom+xml');
    expect(headers?.accept).toContain('application/feed+json');
    expect(headers?.['accept-encoding']).toBe('gzip, br');
  });

  it('uses conditional GET: stored ETag and Last-Modified are sent verbatim, 304 is not-modified', async () => {
    const lastModified = 'Fri, 14 Nov 2025 08:00:00 GMT';
    server.route(
      '/cond',
      feedHandler(() => 'unused', { etag: () => 'W/"abc-123"', lastModified }),
    );
    const result = await fetchFeed(server.url('/cond'), { etag: 'W/"abc-123"', lastModified });
    expect(result).toMatchObject({ status: 'not-modified', etag: 'W/"abc-123"', lastModified });
    const last = server.hits('/cond').at(-1);
    expect(last?.['if-none-match']).toBe('W/"abc-123"');
    expect(last?.['if-modified-since']).toBe(lastModified);
  });

  it('decompresses gzip and brotli', async () => {
    const xml = fixtureText('jekyll.xml');
    server.route('/gz', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'content-encoding': 'gzip' });
      res.end(gzipSync(xml));
    });
    server.route('/br', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'content-encoding': 'br' });
      res.end(brotliCompressSync(xml));
    });
    for (const path of ['/gz', '/br']) {
      const result = await fetchFeed(server.url(path), {});
      expect(result.status === 'ok' && result.text, path).toBe(xml);
    }
  });

  it('decodes a windows-1252 body by its XML declaration', async () => {
    server.route('/latin', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(fixture('windows-1252.xml'));
    });
    const result = await fetchFeed(server.url('/latin'), {});
    expect(result).toMatchObject({ status: 'ok', charset: 'windows-1252' });
    expect(result.status === 'ok' && result.text).toContain('“Le menu d’hiver” est arrivé — 5 €');
  });

  it('records a chain of 301/308 as a permanent move', async () => {
    server.route('/old', (_req, res) => res.writeHead(301, { location: '/older-still' }).end());
    server.route('/older-still', (_req, res) =>
      res.writeHead(308, { location: server.url('/new') }).end(),
    );
    server.route(
      '/new',
      feedHandler(() => fixtureText('hugo.xml')),
    );
    const result = await fetchFeed(server.url('/old'), {});
    expect(result).toMatchObject({
      status: 'ok',
      finalUrl: server.url('/new'),
      permanentUrl: server.url('/new'),
    });
  });

  it('does not record 302/307, nor a permanent hop after a temporary one', async () => {
    server.route('/temp', (_req, res) => res.writeHead(302, { location: '/new' }).end());
    const temp = await fetchFeed(server.url('/temp'), {});
    expect(temp).toMatchObject({ status: 'ok', finalUrl: server.url('/new') });
    expect(temp.permanentUrl).toBeUndefined();

    server.route('/moved-then-temp', (_req, res) =>
      res.writeHead(301, { location: '/temp307' }).end(),
    );
    server.route('/temp307', (_req, res) => res.writeHead(307, { location: '/new' }).end());
    const mixed = await fetchFeed(server.url('/moved-then-temp'), {});
    expect(mixed.permanentUrl).toBe(server.url('/temp307'));

    server.route('/temp-then-moved', (_req, res) => res.writeHead(307, { location: '/old' }).end());
    const later = await fetchFeed(server.url('/temp-then-moved'), {});
    expect(later.permanentUrl).toBeUndefined();
  });

  it('stops after five redirects', async () => {
    server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const error = await failure(fetchFeed(server.url('/loop'), {}));
    expect(error).toMatchObject({ code: 'HERALD_FEED_TOO_MANY_REDIRECTS', kind: 'permanent' });
    expect(server.hits('/loop')).toHaveLength(6);
  });

  it('treats 410 as permanent: polling stops', async () => {
    server.route('/gone', (_req, res) => res.writeHead(410).end('gone'));
    const error = await failure(fetchFeed(server.url('/gone'), {}));
    expect(error).toMatchObject({ code: 'HERALD_FEED_GONE', kind: 'permanent', status: 410 });
  });

  it('honours Retry-After on 429 and 503', async () => {
    const now = Date.parse('2025-11-14T12:00:00Z');
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const busy = await failure(fetchFeed(server.url('/busy'), {}, { now: () => now }));
    expect(busy).toMatchObject({ code: 'HERALD_FEED_RATE_LIMITED', kind: 'rate-limited' });
    expect(busy.resetAt).toBe(now + 3_600_000);

    server.route('/maint', (_req, res) =>
      res.writeHead(503, { 'retry-after': 'Fri, 14 Nov 2025 12:10:00 GMT' }).end(),
    );
    const maint = await failure(fetchFeed(server.url('/maint'), {}, { now: () => now }));
    expect(maint).toMatchObject({ code: 'HERALD_FEED_UNAVAILABLE', kind: 'rate-limited' });
    expect(maint.resetAt).toBe(now + 600_000);
  });

  it('classifies other 4xx as permanent and 5xx as transient', async () => {
    server.route('/missing', (_req, res) => res.writeHead(404).end());
    server.route('/broken', (_req, res) => res.writeHead(502).end());
    server.route('/down', (_req, res) => res.writeHead(503).end());
    await expect(failure(fetchFeed(server.url('/missing'), {}))).resolves.toMatchObject({
      code: 'HERALD_FEED_HTTP_4XX',
      kind: 'permanent',
      status: 404,
    });
    await expect(failure(fetchFeed(server.url('/broken'), {}))).resolves.toMatchObject({
      code: 'HERALD_FEED_HTTP_5XX',
      kind: 'transient',
    });
    await expect(failure(fetchFeed(server.url('/down'), {}))).resolves.toMatchObject({
      kind: 'transient',
      status: 503,
    });
  });

  it('rejects a body over the cap, by Content-Length and while streaming', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    server.route('/declared', (_req, res) => {
      res.writeHead(200, { 'content-length': String(big.length) });
      res.end(big);
    });
    server.route('/streamed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }); // chunked, no length
      res.write(big.subarray(0, 16 * 1024));
      setTimeout(() => res.end(big.subarray(16 * 1024)), 20);
    });
    server.route('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(10 * 1024 * 1024)));
    });
    for (const path of ['/declared', '/streamed', '/bomb']) {
      const error = await failure(fetchFeed(server.url(path), {}, { maxBytes: 32 * 1024 }));
      expect(error, path).toMatchObject({ code: 'HERALD_FEED_TOO_LARGE', kind: 'permanent' });
    }
  });

  it('times out a server that never sends headers, and one that stalls mid-body', async () => {
    server.route('/silent', () => {});
    server.route('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
    });
    const started = Date.now();
    const silent = await failure(fetchFeed(server.url('/silent'), {}, { headersTimeoutMs: 300 }));
    expect(silent).toMatchObject({ code: 'HERALD_FEED_TIMEOUT', kind: 'transient' });
    const stall = await failure(fetchFeed(server.url('/stall'), {}, { bodyTimeoutMs: 300 }));
    expect(stall).toMatchObject({ code: 'HERALD_FEED_TIMEOUT', kind: 'transient' });
    const overall = await failure(fetchFeed(server.url('/silent'), {}, { timeoutMs: 300 }));
    expect(overall).toMatchObject({ code: 'HERALD_FEED_TIMEOUT', kind: 'transient' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection as a transient network error without the URL', async () => {
    const closed = await startServer();
    const url = closed.url('/feed?token=s3cret');
    await closed.close();
    const error = await failure(fetchFeed(url, {}));
    expect(error).toMatchObject({ code: 'HERALD_FEED_NETWORK', kind: 'transient' });
    expect(error.message).not.toContain('s3cret');
  });

  it('rejects a redirect to a non-http scheme', async () => {
    server.route('/to-file', (_req, res) =>
      res.writeHead(301, { location: 'file:///etc/passwd' }).end(),
    );
    const error = await failure(fetchFeed(server.url('/to-file'), {}));
    expect(error).toMatchObject({ code: 'HERALD_FEED_BAD_REDIRECT', kind: 'permanent' });
  });
});
