import { HeraldError, permanent, transient } from '@herald/core';
import { type Dispatcher, request } from 'undici';
import type { Shortener } from './shortener.ts';

/**
 * An external shortener's API. `{url}` in `url` and `bodyTemplate` stands for the long URL.
 *
 * Shlink: `{ url: 'https://s.example/rest/v3/short-urls', headers: { 'X-Api-Key': '…' },
 * bodyTemplate: '{"longUrl":"{url}","findIfExists":true}', responsePath: 'shortUrl' }`.
 * YOURLS: `{ url: 'https://s.example/yourls-api.php?signature=…&action=shorturl&format=json&url={url}',
 * method: 'GET', responsePath: 'shorturl' }`.
 * Retries must get the same short URL (the post's idempotency key covers its text), so configure
 * the shortener to return the existing link for a known URL (Shlink `findIfExists`, YOURLS does).
 */
export interface HttpShortenerOptions {
  /** Endpoint; `{url}` in it is replaced by the percent-encoded long URL. */
  url: string;
  /** @defaultValue 'POST' */
  method?: 'GET' | 'POST';
  /** POST body; `{url}` is JSON-escaped in a JSON body, percent-encoded otherwise. @defaultValue '{"longUrl":"{url}"}' */
  bodyTemplate?: string;
  /** Dot path to the short URL in a JSON answer (`shortUrl`, `data.link`); without it the whole body is the URL. */
  responsePath?: string;
  /** Extra request headers (API keys); never logged. */
  headers?: Record<string, string>;
  /** Whole-request deadline. @defaultValue 10000 */
  timeoutMs?: number;
}

export interface HttpShortenerDeps {
  /** undici dispatcher (tests, proxies); the global one by default. */
  dispatcher?: Dispatcher;
}

const MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_BODY = '{"longUrl":"{url}"}';

export function createHttpShortener(
  options: HttpShortenerOptions,
  deps: HttpShortenerDeps = {},
): Shortener {
  const method = options.method ?? 'POST';
  const host = hostOf(options.url);
  const template = options.bodyTemplate ?? DEFAULT_BODY;
  const json = /^\s*[[{]/.test(template);
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9' };
  if (method === 'POST') {
    headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }

  return {
    async shorten(longUrl) {
      const target = options.url.replaceAll('{url}', encodeURIComponent(longUrl));
      const body =
        method === 'POST'
          ? template.replaceAll(
              '{url}',
              json ? JSON.stringify(longUrl).slice(1, -1) : encodeURIComponent(longUrl),
            )
          : undefined;
      let response: Dispatcher.ResponseData;
      try {
        response = await request(target, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          dispatcher: deps.dispatcher,
        });
      } catch (error) {
        throw transient('HERALD_SHORTENER_UNREACHABLE', `shortener ${host} unreachable`, {
          cause: error,
        });
      }
      const text = await readCapped(response, host);
      const status = response.statusCode;
      if (status >= 500 || status === 408 || status === 429) {
        throw transient('HERALD_SHORTENER_UNAVAILABLE', `shortener ${host} answered ${status}`, {
          status,
        });
      }
      if (status < 200 || status >= 300) {
        throw permanent('HERALD_SHORTENER_REJECTED', `shortener ${host} refused: ${status}`, {
          status,
        });
      }
      const short = options.responsePath ? pick(text, options.responsePath) : text.trim();
      if (typeof short !== 'string' || !/^https?:\/\/\S+$/i.test(short.trim())) {
        throw permanent(
          'HERALD_SHORTENER_BAD_RESPONSE',
          `shortener ${host} gave no URL${options.responsePath ? ` at ${options.responsePath}` : ''}`,
          { status },
        );
      }
      return short.trim();
    },
  };
}

async function readCapped(response: Dispatcher.ResponseData, host: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_RESPONSE_BYTES) {
        response.body.destroy();
        throw permanent('HERALD_SHORTENER_BAD_RESPONSE', `shortener ${host} answer too large`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HeraldError) throw error;
    throw transient('HERALD_SHORTENER_UNREACHABLE', `shortener ${host} broke off its answer`, {
      cause: error,
    });
  }
  return Buffer.concat(chunks).toString('utf8');
}

function pick(text: string, path: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Only the host goes into messages: the URL may carry a signature or token. */
function hostOf(url: string): string {
  try {
    return new URL(url.replaceAll('{url}', '')).host;
  } catch {
    return '(invalid url)';
  }
}
