import { HeraldError } from '@herald/core';
import { MASTODON_DEFAULT_LIMITS } from '@herald/mastodon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../src/media/address-policy.ts';
import { guardConnector, guardedLookup } from '../src/media/guarded-dispatcher.ts';
import { createMediaFetcher, type MediaFetcher } from '../src/media/media-fetcher.ts';
import { type Handler, PNG, startServer } from './_util.ts';

const limits = { ...MASTODON_DEFAULT_LIMITS.media, imageSizeLimit: 1_000 };

let server: Awaited<ReturnType<typeof startServer>>;
let server6: Awaited<ReturnType<typeof startServer>> | undefined;
let guarded: MediaFetcher;
let open: MediaFetcher;
let hits = 0;

beforeAll(async () => {
  const handler: Handler = (req, res) => {
    hits += 1;
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(PNG);
    }
    if (url.pathname === '/octet') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(PNG);
    }
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html></html>');
    }
    if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' });
      return res.end(Buffer.alloc(5000));
    }
    if (url.pathname === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'image/png' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(300));
      return res.end();
    }
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/unavailable') {
      res.writeHead(503);
      return res.end();
    }
    if (url.pathname === '/redirect') {
      const to = url.searchParams.get('to') ?? '/image.png';
      res.writeHead(302, { location: to });
      return res.end();
    }
    if (url.pathname === '/loop') {
      const n = Number(url.searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  };
  server = await startServer(handler);
  try {
    server6 = await startServer(handler, '::1');
  } catch {
    server6 = undefined; // No IPv6 loopback on this machine: the [::1] case is then checked without a listener.
  }
  guarded = createMediaFetcher({ allowHosts: ['localhost'] });
  open = createMediaFetcher({ allowPrivate: true });
});

afterAll(async () => {
  await Promise.all([server.close(), server6?.close(), guarded.close(), open.close()]);
});

async function failure(promise: Promise<unknown>): Promise<HeraldError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HeraldError);
    return error as HeraldError;
  }
  throw new Error('expected a failure');
}

describe('SSRF guard (off by default)', () => {
  it.each([
    (port: number) => `http://127.0.0.1:${port}/image.png`,
    (port: number) => `http://[::1]:${port}/image.png`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/image.png`,
    (port: number) => `http://2130706433:${port}/image.png`,
    (port: number) => `http://127.1:${port}/image.png`,
    (port: number) => `http://0x7f000001:${port}/image.png`,
    (port: number) => `http://api.localhost:${port}/image.png`,
  ])('blocks %#: loopback in every spelling, before connecting', async (build) => {
    const before = hits;
    const error = await failure(guarded.fetch({ url: build(server.port) }, limits));
    expect(error).toMatchObject({ kind: 'permanent', code: 'HERALD_MEDIA_BLOCKED' });
    expect(hits).toBe(before);
  });

  it('blocks a redirect from an allowed host to a private address', async () => {
    const target = encodeURIComponent(`http://127.0.0.1:${server.port}/image.png`);
    const before = hits;
    const error = await failure(
      guarded.fetch({ url: `http://localhost:${server.port}/redirect?to=${target}` }, limits),
    );
    expect(error.code).toBe('HERALD_MEDIA_BLOCKED');
    expect(hits).toBe(before + 1); // the redirect itself, never the private target
  });

  it.each(['10.0.0.1', '169.254.169.254', '[fd00::1]', '[::ffff:169.254.169.254]', 'localhost'])(
    'refuses %s before anything is dialled',
    async (hostname) => {
      // The inner connector only records: no packet can leave even if the guard were wrong.
      const dialled: string[] = [];
      const connect = guardConnector(
        (options, callback) => {
          dialled.push(options.hostname);
          callback(new Error('not dialling in a test'), null);
        },
        (address) => isPublicAddress(address),
      );
      const error = await new Promise<Error | null>((resolve) =>
        connect({ hostname, protocol: 'http:', port: '80' }, (...args) => resolve(args[0])),
      );
      expect((error as HeraldError | null)?.code).toBe('HERALD_MEDIA_BLOCKED');
      expect(dialled).toEqual([]);
    },
  );

  it('passes public hosts to the real connector', async () => {
    const dialled: string[] = [];
    const connect = guardConnector(
      (options, callback) => {
        dialled.push(options.hostname);
        callback(new Error('not dialling in a test'), null);
      },
      (address) => isPublicAddress(address),
    );
    await new Promise((resolve) =>
      connect({ hostname: 'media.example.org', protocol: 'https:', port: '443' }, () =>
        resolve(null),
      ),
    );
    expect(dialled).toEqual(['media.example.org']);
  });

  it('resolves names and refuses any private answer (the DNS path)', async () => {
    const lookup = guardedLookup((address) => !address.startsWith('127.'));
    const error = await new Promise<Error | null>((resolve) =>
      lookup('localhost', { all: true }, (err) => resolve(err)),
    );
    expect((error as HeraldError | null)?.code).toBe('HERALD_MEDIA_BLOCKED');
  });

  it('refuses schemes other than http(s) and URLs with credentials', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.png', 'gopher://x/']) {
      expect((await failure(guarded.fetch({ url }, limits))).code).toBe('HERALD_MEDIA_BAD_URL');
    }
    expect(
      (await failure(guarded.fetch({ url: 'http://user:pw@example.org/a.png' }, limits))).code,
    ).toBe('HERALD_MEDIA_BAD_URL');
  });
});

describe('media fetch with allowPrivate', () => {
  it('fetches loopback media when allowed', async () => {
    const media = await open.fetch({ url: `${server.url}/image.png` }, limits);
    expect(media).toEqual({ data: PNG, contentType: 'image/png', filename: 'image.png' });
    if (server6) {
      expect((await open.fetch({ url: `${server6.url}/image.png` }, limits)).data).toEqual(PNG);
    }
  });

  it('follows up to 3 redirects, not more', async () => {
    const media = await open.fetch({ url: `${server.url}/redirect` }, limits);
    expect(media.contentType).toBe('image/png');
    expect((await failure(open.fetch({ url: `${server.url}/loop` }, limits))).code).toBe(
      'HERALD_MEDIA_REDIRECTS',
    );
  });

  it('caps bytes by Content-Length and while streaming', async () => {
    for (const path of ['/big', '/big-chunked']) {
      const error = await failure(open.fetch({ url: `${server.url}${path}` }, limits));
      expect(error).toMatchObject({ kind: 'permanent', code: 'HERALD_MEDIA_TOO_LARGE' });
    }
  });

  it('checks the type, trusting the source’s type only over octet-stream', async () => {
    expect((await failure(open.fetch({ url: `${server.url}/page` }, limits))).code).toBe(
      'HERALD_MEDIA_TYPE',
    );
    const hinted = await open.fetch({ url: `${server.url}/octet`, type: 'image/png' }, limits);
    expect(hinted.contentType).toBe('image/png');
    expect(
      (await failure(open.fetch({ url: `${server.url}/page`, type: 'image/png' }, limits))).code,
    ).toBe('HERALD_MEDIA_TYPE');
  });

  it('times out a server that does not answer, as transient', async () => {
    const slow = createMediaFetcher({ allowPrivate: true, headersTimeoutMs: 200 });
    try {
      const error = await failure(slow.fetch({ url: `${server.url}/hang` }, limits));
      expect(error).toMatchObject({ kind: 'transient', code: 'HERALD_MEDIA_NETWORK' });
    } finally {
      await slow.close();
    }
  });

  it('makes a 404 permanent and a 503 transient', async () => {
    expect(await failure(open.fetch({ url: `${server.url}/missing` }, limits))).toMatchObject({
      kind: 'permanent',
      code: 'HERALD_MEDIA_HTTP_404',
    });
    expect(await failure(open.fetch({ url: `${server.url}/unavailable` }, limits))).toMatchObject({
      kind: 'transient',
      code: 'HERALD_MEDIA_HTTP_503',
    });
  });
});
