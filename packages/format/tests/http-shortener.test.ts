import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeraldError } from '@herald/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpShortener } from '../src/links/http-shortener.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Seen, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler;
let seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function failure(promise: Promise<unknown>): Promise<HeraldError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HeraldError);
  return error as HeraldError;
}

const LONG = 'https://blog.example.org/2024/06/summer/?p=1&q="x"';

describe('http shortener', () => {
  it('speaks Shlink: JSON body, API key header, shortUrl in the answer', async () => {
    handler = (_req, res) => json(res, 200, { shortUrl: 'https://s.example/abc12' });
    const shortener = createHttpShortener({
      url: `${base}/rest/v3/short-urls`,
      headers: { 'X-Api-Key': 'secret-key' },
      bodyTemplate: '{"longUrl":"{url}","findIfExists":true}',
      responsePath: 'shortUrl',
    });
    expect(await shortener.shorten(LONG)).toBe('https://s.example/abc12');
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/rest/v3/short-urls');
    expect(request?.headers['x-api-key']).toBe('secret-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ longUrl: LONG, findIfExists: true });
  });

  it('speaks YOURLS: GET with the URL in the query, nested response path', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        status: 'success',
        url: { keyword: 'x1' },
        shorturl: 'https://y.example/x1',
      });
    const shortener = createHttpShortener({
      url: `${base}/yourls-api.php?signature=sig123&action=shorturl&format=json&url={url}`,
      method: 'GET',
      responsePath: 'shorturl',
    });
    expect(await shortener.shorten(LONG)).toBe('https://y.example/x1');
    const query = new URL(seen[0]!.url, base).searchParams;
    expect(seen[0]?.method).toBe('GET');
    expect(query.get('url')).toBe(LONG);
    expect(query.get('signature')).toBe('sig123');
  });

  it('reads a plain-text answer and sends form bodies percent-encoded', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('https://t.example/q\n');
    };
    const shortener = createHttpShortener({
      url: `${base}/api`,
      bodyTemplate: 'format=simple&url={url}',
    });
    expect(await shortener.shorten(LONG)).toBe('https://t.example/q');
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(seen[0]?.body).get('url')).toBe(LONG);
  });

  it('classifies 5xx and 429 as transient', async () => {
    const shortener = createHttpShortener({ url: `${base}/api`, responsePath: 'shortUrl' });
    for (const status of [500, 503, 429]) {
      handler = (_req, res) => json(res, status, { error: 'busy' });
      const error = await failure(shortener.shorten(LONG));
      expect(error.kind).toBe('transient');
      expect(error.code).toBe('HERALD_SHORTENER_UNAVAILABLE');
      expect(error.status).toBe(status);
    }
  });

  it('classifies other 4xx as permanent, without secrets in the message', async () => {
    handler = (_req, res) => json(res, 401, { error: 'bad key' });
    const shortener = createHttpShortener({
      url: `${base}/api?signature=topsecret&url={url}`,
      headers: { Authorization: 'Bearer hunter2' },
      responsePath: 'shortUrl',
    });
    const error = await failure(shortener.shorten(LONG));
    expect(error.kind).toBe('permanent');
    expect(error.code).toBe('HERALD_SHORTENER_REJECTED');
    expect(error.message).not.toMatch(/topsecret|hunter2/);
    expect(error.message).toContain('127.0.0.1');
  });

  it('rejects an answer without a URL at the response path', async () => {
    handler = (_req, res) => json(res, 200, { data: { link: 'not a url' } });
    const shortener = createHttpShortener({ url: `${base}/api`, responsePath: 'data.link' });
    const error = await failure(shortener.shorten(LONG));
    expect([error.kind, error.code]).toEqual(['permanent', 'HERALD_SHORTENER_BAD_RESPONSE']);
  });

  it('refuses an oversized answer', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`https://x.example/${'a'.repeat(200_000)}`);
    };
    const error = await failure(createHttpShortener({ url: `${base}/api` }).shorten(LONG));
    expect(error.code).toBe('HERALD_SHORTENER_BAD_RESPONSE');
  });

  it('treats an unreachable or silent server as transient', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(
      createHttpShortener({ url: `http://127.0.0.1:${port}/` }).shorten(LONG),
    );
    expect([refused.kind, refused.code]).toEqual(['transient', 'HERALD_SHORTENER_UNREACHABLE']);

    handler = () => {}; // never answers
    const slow = await failure(
      createHttpShortener({ url: `${base}/api`, timeoutMs: 200 }).shorten(LONG),
    );
    expect([slow.kind, slow.code]).toEqual(['transient', 'HERALD_SHORTENER_UNREACHABLE']);
  });
});
