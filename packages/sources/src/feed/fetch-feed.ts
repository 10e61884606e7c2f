import { HeraldError, permanent, rateLimited, transient } from '@herald/core';
import { Agent, type Dispatcher, request } from 'undici';
import { decodeFeedBody } from './charset.ts';
import { readCappedBody } from './read-body.ts';
import { parseRetryAfter } from './retry-after.ts';

/** Validators from the previous successful fetch, stored verbatim (quotes included). */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export interface FetchFeedOptions {
  /** Dispatcher to use; by default one is created per fetch with the connect timeout below. */
  dispatcher?: Dispatcher;
  /** Cancels the fetch (e.g. the worker is shutting down). */
  signal?: AbortSignal;
  /** @defaultValue 10_000 */
  connectTimeoutMs?: number;
  /** Time to wait for response headers. @defaultValue 20_000 */
  headersTimeoutMs?: number;
  /** Longest pause between body chunks. @defaultValue 20_000 */
  bodyTimeoutMs?: number;
  /** Deadline for the whole fetch, redirects included. @defaultValue 60_000 */
  timeoutMs?: number;
  /** Cap on the decoded body size. @defaultValue 15 MiB */
  maxBytes?: number;
  /** @defaultValue 5 */
  maxRedirects?: number;
  /** @defaultValue 'Herald feed poller' */
  userAgent?: string;
  /** Wait used for a 429 without Retry-After. @defaultValue 15 minutes */
  defaultRetryAfterMs?: number;
  /** Longest Retry-After honoured. @defaultValue 24 hours */
  maxRetryAfterMs?: number;
  now?: () => number;
}

interface FetchedCommon extends FeedValidators {
  /** The URL that finally answered. */
  finalUrl: string;
  /**
   * Set when the request started with permanent redirects (301/308): where they led. The
   * caller stores it as the feed's new URL; temporary redirects (302/303/307) never set it.
   */
  permanentUrl?: string;
}

export type FetchFeedResult =
  | (FetchedCommon & { status: 'not-modified' })
  | (FetchedCommon & { status: 'ok'; text: string; contentType?: string; charset: string });

const ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  'application/json;q=0.8',
  '*/*;q=0.5',
].join(', ');

const PERMANENT_REDIRECTS = new Set([301, 308]);
const TEMPORARY_REDIRECTS = new Set([302, 303, 307]);

/**
 * Fetches a feed with conditional GET, timeouts, a size cap and manually followed redirects,
 * and classifies every failure into the error taxonomy. Error messages carry no URL (feed
 * URLs may hold tokens).
 */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const now = options.now ?? Date.now;
  const maxRedirects = options.maxRedirects ?? 5;
  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  const bodyTimeout = options.bodyTimeoutMs ?? 20_000;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const ownDispatcher = options.dispatcher
    ? undefined
    : new Agent({ connect: { timeout: options.connectTimeoutMs ?? 10_000 } });
  const dispatcher = options.dispatcher ?? ownDispatcher;

  const headers: Record<string, string> = {
    accept: ACCEPT,
    'accept-encoding': 'gzip, br',
    'user-agent': options.userAgent ?? 'Herald feed poller',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  let current = url;
  let permanentUrl: string | undefined;
  let onlyPermanentSoFar = true;
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(current, {
        method: 'GET',
        headers,
        dispatcher,
        signal,
        headersTimeout,
        bodyTimeout,
      });
      const status = response.statusCode;
      const header = (name: string) => firstHeader(response.headers[name]);

      if (PERMANENT_REDIRECTS.has(status) || TEMPORARY_REDIRECTS.has(status)) {
        await response.body.dump();
        const location = header('location');
        if (!location)
          throw permanent('HERALD_FEED_BAD_REDIRECT', `redirect ${status} without Location`, {
            status,
          });
        if (hop >= maxRedirects) {
          throw permanent('HERALD_FEED_TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
        }
        const next = resolveHttpUrl(location, current);
        if (!next)
          throw permanent('HERALD_FEED_BAD_REDIRECT', 'redirect to a non-http(s) URL', { status });
        if (PERMANENT_REDIRECTS.has(status) && onlyPermanentSoFar) permanentUrl = next;
        else onlyPermanentSoFar = false;
        current = next;
        continue;
      }

      const common: FetchedCommon = {
        finalUrl: current,
        etag: header('etag') ?? validators.etag,
        lastModified: header('last-modified') ?? validators.lastModified,
        ...(permanentUrl ? { permanentUrl } : {}),
      };
      if (status === 304) {
        await response.body.dump();
        return { ...common, status: 'not-modified' };
      }
      if (status >= 200 && status < 300) {
        const bytes = await readCappedBody(
          response.body,
          { contentEncoding: header('content-encoding'), contentLength: header('content-length') },
          options.maxBytes ?? 15 * 1024 * 1024,
        );
        const contentType = header('content-type');
        const { text, charset } = decodeFeedBody(bytes, contentType);
        return { ...common, status: 'ok', text, charset, ...(contentType ? { contentType } : {}) };
      }
      await response.body.dump().catch(() => {});
      throw statusError(status, header('retry-after'), now(), options);
    }
  } catch (error) {
    throw classify(error, signal, options.signal);
  } finally {
    ownDispatcher?.destroy().catch(() => {});
  }
}

function statusError(
  status: number,
  retryAfter: string | undefined,
  now: number,
  options: FetchFeedOptions,
): HeraldError {
  const maxWait = options.maxRetryAfterMs ?? 24 * 3_600_000;
  if (status === 410) {
    return permanent('HERALD_FEED_GONE', 'feed answered 410 Gone: polling stops', { status });
  }
  if (status === 429) {
    const resetAt =
      parseRetryAfter(retryAfter, now, maxWait) ?? now + (options.defaultRetryAfterMs ?? 900_000);
    return rateLimited('HERALD_FEED_RATE_LIMITED', 'feed answered 429 Too Many Requests', resetAt, {
      status,
    });
  }
  if (status === 503) {
    const resetAt = parseRetryAfter(retryAfter, now, maxWait);
    if (resetAt !== undefined) {
      return rateLimited('HERALD_FEED_UNAVAILABLE', 'feed answered 503 with Retry-After', resetAt, {
        status,
      });
    }
  }
  // 408 and 425 are the client errors that mean "try again".
  if (status >= 500 || status === 408 || status === 425) {
    return transient('HERALD_FEED_HTTP_5XX', `feed answered ${status}`, { status });
  }
  return permanent('HERALD_FEED_HTTP_4XX', `feed answered ${status}`, { status });
}

const UNDICI_TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Every failure leaves as a HeraldError; network trouble is transient. */
function classify(error: unknown, signal: AbortSignal, callerSignal: AbortSignal | undefined) {
  if (error instanceof HeraldError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_INVALID_ARG') {
    return permanent('HERALD_FEED_BAD_URL', 'feed URL cannot be requested', { cause: error });
  }
  if (typeof code === 'string' && UNDICI_TIMEOUTS.has(code)) {
    return transient('HERALD_FEED_TIMEOUT', `feed fetch timed out (${code})`, { cause: error });
  }
  if (signal.aborted) {
    if (callerSignal?.aborted) {
      return transient('HERALD_FEED_ABORTED', 'feed fetch was aborted', { cause: error });
    }
    return transient('HERALD_FEED_TIMEOUT', 'feed fetch exceeded its overall deadline', {
      cause: error,
    });
  }
  const detail = typeof code === 'string' ? code : ((error as Error | null)?.name ?? 'error');
  return transient('HERALD_FEED_NETWORK', `feed fetch failed (${detail})`, { cause: error });
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function resolveHttpUrl(location: string, base: string): string | undefined {
  try {
    const next = new URL(location, base);
    return next.protocol === 'http:' || next.protocol === 'https:' ? next.href : undefined;
  } catch {
    return undefined;
  }
}
