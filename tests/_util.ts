// Helpers for integration tests: real Redis (own prefix per test), loopback servers, and
// `herald` run as a child process exactly as users run it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type HeraldConfig, parseConfigObject, unwrapConfig } from '@herald/config';
import { Redis } from 'ioredis';

export const ROOT = resolve(import.meta.dirname, '..');
export const REDIS_URL = 'redis://127.0.0.1:6379';

export function uniquePrefix(name: string): string {
  return `test-${name}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under the prefix (hash-tagged as Herald writes it). Never FLUSHDB. */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A feed served on loopback; `set` swaps the body (an RSS document) between polls. */
export interface FeedServer {
  url: string;
  requests: number;
  set(body: string): void;
  close(): Promise<void>;
}

export async function startFeedServer(initial: string): Promise<FeedServer> {
  let body = initial;
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.xml`,
    get requests() {
      return state.requests;
    },
    set: (next) => {
      body = next;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface RssItem {
  guid: string;
  title: string;
  link: string;
  date: string;
  html?: string;
  categories?: string[];
}

export function rss(items: RssItem[], title = 'Test blog'): string {
  const entries = items.map(
    (
      i,
    ) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid>
<pubDate>${new Date(i.date).toUTCString()}</pubDate>${(i.categories ?? []).map((c) => `<category>${c}</category>`).join('')}
<description><![CDATA[${i.html ?? ''}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>
<link>https://blog.example.org/</link><description>t</description>${entries.join('\n')}</channel></rss>`;
}

/** Builds a validated, frozen config the way the loader does (schema + cross-checks), without files or env. */
export function testConfig(input: Record<string, unknown>): HeraldConfig {
  return unwrapConfig(parseConfigObject(input));
}

/** Writes a config for a child process; JSON is valid YAML. */
export function writeConfigFile(input: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-test-'));
  const file = join(dir, 'herald.yaml');
  writeFileSync(file, JSON.stringify(input, null, 2));
  return file;
}

/** `herald <args>` as a child process; output is collected for assertions and debugging. */
export interface HeraldProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr/stdout has a line matching. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function runHerald(args: string[], env: Record<string, string> = {}): HeraldProcess {
  const child = spawn(process.execPath, [join(ROOT, 'apps/herald/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of watchers) w();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of watchers) w();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolveWait, reject) => {
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) {
            watchers.delete(check);
            clearTimeout(timer);
            resolveWait();
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(
            new Error(
              `timed out waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err.slice(-4000)}`,
            ),
          );
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
  };
}

/** Polls `probe` until it returns a truthy value or the deadline passes. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  timeoutMs = 15_000,
  stepMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`,
  );
}
