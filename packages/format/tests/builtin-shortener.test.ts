import { randomBytes } from 'node:crypto';
import { createKeys, createRedis, waitForReady } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBuiltinShortener,
  resolveShortLink,
  type ShortLinkStore,
  shortLinkDigest,
} from '../src/links/builtin-shortener.ts';

const prefix = `test-builtin-shortener-${randomBytes(4).toString('hex')}`;
const keys = createKeys(prefix);
const redis = createRedis('redis://127.0.0.1:6379', 'producer');
const deps = { store: redis satisfies ShortLinkStore, keys };

beforeAll(async () => {
  await waitForReady(redis);
});

afterAll(async () => {
  const own = await redis.keys(`${keys.custom('*')}`);
  if (own.length > 0) await redis.del(...own);
  await redis.quit();
});

describe('builtin shortener', () => {
  const shortener = createBuiltinShortener(deps, { publicUrl: 'https://herald.example.org/' });

  it('derives the code from the URL, so every call agrees', async () => {
    const url = 'https://blog.example.org/2024/06/summer-release/';
    const first = await shortener.shorten(url);
    const again = await createBuiltinShortener(deps, {
      publicUrl: 'https://herald.example.org',
    }).shorten(url);
    expect(first).toBe(again);
    expect(first).toBe(`https://herald.example.org/l/${shortLinkDigest(url).slice(0, 7)}`);
    expect(first).toMatch(/^https:\/\/herald\.example\.org\/l\/[0-9A-Za-z]{7}$/);
    expect(await redis.get(keys.shortLink(shortLinkDigest(url).slice(0, 7)))).toBe(url);
  });

  it('gives different URLs different codes', async () => {
    const a = await shortener.shorten('https://example.com/a');
    const b = await shortener.shorten('https://example.com/b');
    expect(a).not.toBe(b);
  });

  it('lengthens the code when another URL holds it', async () => {
    const url = 'https://example.com/collision';
    const digest = shortLinkDigest(url);
    await redis.set(keys.shortLink(digest.slice(0, 7)), 'https://example.com/someone-else');
    const short = await shortener.shorten(url);
    expect(short).toBe(`https://herald.example.org/l/${digest.slice(0, 8)}`);
    expect(await shortener.shorten(url)).toBe(short);
  });

  it('leaves non-http URLs alone', async () => {
    expect(await shortener.shorten('gemini://example.org/')).toBe('gemini://example.org/');
  });

  it('resolves a code to its URL and counts the click', async () => {
    const url = 'https://example.com/clicked?x=1';
    const short = await shortener.shorten(url);
    const code = short.split('/l/')[1]!;
    expect(await resolveShortLink(deps, code)).toBe(url);
    expect(await resolveShortLink(deps, code)).toBe(url);
    expect(await redis.get(keys.shortLinkClicks(code))).toBe('2');
  });

  it('resolves unknown and malformed codes to undefined without counting', async () => {
    expect(await resolveShortLink(deps, 'zzzzzzz')).toBeUndefined();
    expect(await redis.exists(keys.shortLinkClicks('zzzzzzz'))).toBe(0);
    expect(await resolveShortLink(deps, '../etc')).toBeUndefined();
    expect(await resolveShortLink(deps, '')).toBeUndefined();
  });
});
