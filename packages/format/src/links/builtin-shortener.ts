import { createHash } from 'node:crypto';
import { type Keys, permanent } from '@herald/core';
import type { Shortener } from './shortener.ts';

/** The Redis commands the builtin shortener uses; an ioredis client fits. */
export interface ShortLinkStore {
  set(key: string, value: string, condition: 'NX'): Promise<'OK' | null>;
  get(key: string): Promise<string | null>;
  incr(key: string): Promise<number>;
}

export interface ShortLinkDeps {
  store: ShortLinkStore;
  keys: Pick<Keys, 'shortLink' | 'shortLinkClicks'>;
}

export interface BuiltinShortenerOptions {
  /** Herald's public base URL (`server.publicUrl`); links become `<publicUrl>/l/<code>`. */
  publicUrl: string;
  /** Length of a code before collisions lengthen it. @defaultValue 7 */
  codeLength?: number;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE = /^[0-9A-Za-z]{4,43}$/;

/** Base62 of the URL's SHA-256 (43 characters); a code is a prefix of it. */
export function shortLinkDigest(url: string): string {
  let n = BigInt(`0x${createHash('sha256').update(url).digest('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(43, '0');
}

/**
 * Herald's own short links, stored in Redis (`keys.shortLink(code)` → URL, without expiry).
 * The code is derived from the URL, so every retry and every replica produces the same link;
 * a code already taken by another URL is lengthened one character at a time.
 */
export function createBuiltinShortener(
  deps: ShortLinkDeps,
  options: BuiltinShortenerOptions,
): Shortener {
  const base = options.publicUrl.replace(/\/+$/, '');
  const minLength = Math.min(Math.max(options.codeLength ?? 7, 4), 43);
  return {
    async shorten(url) {
      if (!/^https?:\/\//i.test(url)) return url;
      const digest = shortLinkDigest(url);
      for (let length = minLength; length <= digest.length; length++) {
        const code = digest.slice(0, length);
        const key = deps.keys.shortLink(code);
        if ((await deps.store.set(key, url, 'NX')) === 'OK') return `${base}/l/${code}`;
        if ((await deps.store.get(key)) === url) return `${base}/l/${code}`;
      }
      // 43 base62 digits are the whole SHA-256: only a corrupted store gets here.
      throw permanent('HERALD_SHORTLINK_TAKEN', 'every short-link code for this URL is taken');
    },
  };
}

/**
 * The target of a builtin short link, counting the click; undefined for an unknown or
 * malformed code. The web role serves `/l/:code` with it.
 */
export async function resolveShortLink(
  deps: ShortLinkDeps,
  code: string,
): Promise<string | undefined> {
  if (!CODE.test(code)) return undefined;
  const url = await deps.store.get(deps.keys.shortLink(code));
  if (url === null) return undefined;
  await deps.store.incr(deps.keys.shortLinkClicks(code));
  return url;
}
