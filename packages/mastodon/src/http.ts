import { Readable } from 'node:stream';
import { permanent, transient } from '@herald/core';
import { Agent, request } from 'undici';
import { AMBIGUOUS, type CallSite, networkError, responseError } from './errors.ts';
import { encodeMultipart, type MultipartField } from './multipart.ts';
import { type HeaderBag, parseRateLimit, type RateLimit } from './rate-limit.ts';

/** Throttles are separate for media uploads (30 / 30 min) and everything else. */
export type RequestBucket = 'media' | 'api';

/** Seen by every request: waits (or refuses) before it, learns the headers after it. */
export interface Pacer {
  wait(bucket: RequestBucket, signal?: AbortSignal): Promise<void>;
  observe(bucket: RequestBucket, rateLimit: RateLimit): void;
}

export interface HttpOptions {
  /** Instance base URL, e.g. `https://mastodon.social`. */
  instance: string;
  token?: string;
  /** Header and body timeout per request. @defaultValue 30000 */
  fetchTimeoutMs?: number;
  /** Connect timeout. @defaultValue 10000 */
  connectTimeoutMs?: number;
  pacer?: Pacer;
  now?: () => number;
}

export interface CallOptions {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  multipart?: MultipartField[];
  headers?: Record<string, string>;
  /** A keyed status post: failures after sending are ambiguous. */
  keyed?: boolean;
  signal?: AbortSignal;
  bucket?: RequestBucket;
  /** Overrides the headers timeout, for slow uploads. */
  headersTimeoutMs?: number;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: HeaderBag;
  rateLimit: RateLimit | undefined;
}

export interface Http {
  readonly origin: string;
  call<T>(method: string, path: string, options?: CallOptions): Promise<HttpResponse<T>>;
  close(): Promise<void>;
}

const USER_AGENT = 'Herald (+https://github.com/herald)';

/** The HTTP rim of the client: one undici Agent per client, classification at the source. */
export function createHttp(options: HttpOptions): Http {
  const base = new URL(options.instance);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw permanent('HERALD_MASTODON_BAD_INSTANCE', `instance must be an http(s) URL`);
  }
  const origin = base.origin;
  const timeout = options.fetchTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });

  async function call<T>(
    method: string,
    path: string,
    callOptions: CallOptions = {},
  ): Promise<HttpResponse<T>> {
    // Absolute URLs (Link headers) must stay on the instance: the token goes with them.
    const url = new URL(path, origin);
    if (url.origin !== origin) {
      throw permanent('HERALD_MASTODON_FOREIGN_URL', `refusing to follow a link off the instance`);
    }
    for (const [key, value] of Object.entries(callOptions.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const site: CallSite = { method, path: url.pathname, keyed: callOptions.keyed === true };
    const bucket = callOptions.bucket ?? 'api';
    await options.pacer?.wait(bucket, callOptions.signal);

    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
      ...callOptions.headers,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Readable | undefined;
    if (callOptions.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(callOptions.json);
    } else if (callOptions.multipart) {
      const encoded = encodeMultipart(callOptions.multipart);
      headers['content-type'] = encoded.contentType;
      if (encoded.length !== undefined) headers['content-length'] = String(encoded.length);
      body = Readable.from(encoded.body, { objectMode: false });
    }

    let status: number;
    let responseHeaders: HeaderBag;
    let text: string;
    try {
      const response = await request(url, {
        dispatcher: agent,
        method: method as 'GET',
        headers,
        body,
        signal: callOptions.signal,
        headersTimeout: callOptions.headersTimeoutMs ?? timeout,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await response.body.text();
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      throw networkError(site, error);
    }

    const rateLimit = parseRateLimit(responseHeaders, now());
    if (rateLimit) options.pacer?.observe(bucket, rateLimit);
    if (status < 200 || status >= 300) {
      throw responseError(site, status, text, rateLimit?.resetAt, now());
    }
    let data: T;
    try {
      data = (text === '' ? {} : JSON.parse(text)) as T;
    } catch {
      const code = site.keyed ? AMBIGUOUS : 'HERALD_MASTODON_BAD_RESPONSE';
      throw transient(code, `Mastodon ${method} ${site.path} answered ${status} without JSON`, {
        status,
      });
    }
    return { status, data, headers: responseHeaders, rateLimit };
  }

  return { origin, call, close: () => agent.close() };
}
