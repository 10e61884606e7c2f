// Helpers for the sources integration tests: fixtures, real Redis under a unique prefix,
// and a loopback HTTP server whose routes each test defines.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configSchema, type HeraldConfig } from '@herald/config';
import type { Redis } from 'ioredis';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export const fixtureText = (name: string): string => fixture(name).toString('utf8');

export function uniquePrefix(name: string): string {
  return `test-sources-${name}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under the (hash-tagged) prefix. Never FLUSHDB. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

export function testConfig(input: Record<string, unknown>): HeraldConfig {
  return configSchema.parse(input);
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback server; `route(path, handler)` (re)defines what a path answers. */
export interface TestServer {
  origin: string;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Requests seen per path, in order. */
  hits(path: string): IncomingMessage['headers'][];
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const seen = new Map<string, IncomingMessage['headers'][]>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.set(path, [...(seen.get(path) ?? []), req.headers]);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => routes.set(path, handler),
    hits: (path) => seen.get(path) ?? [],
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Serves a fixed body with conditional-GET support on ETag and Last-Modified. */
export function feedHandler(
  body: () => string | Buffer,
  options: { etag?: () => string; lastModified?: string; contentType?: string } = {},
): Handler {
  return (req, res) => {
    const etag = options.etag?.();
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    if (options.lastModified && req.headers['if-modified-since'] === options.lastModified) {
      return void res.writeHead(304).end();
    }
    res.writeHead(200, {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
      ...(etag ? { etag } : {}),
      ...(options.lastModified ? { 'last-modified': options.lastModified } : {}),
    });
    res.end(body());
  };
}
