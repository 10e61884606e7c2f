import { errorCodeOf, type HeraldError, permanent, rateLimited, transient } from '@herald/core';

/** Where a failed call was going; the token is never part of it. */
export interface CallSite {
  method: string;
  /** Path without query string, e.g. `/api/v1/statuses`. */
  path: string;
  /** A keyed `POST /api/v1/statuses`: a failure after sending it may have posted. */
  keyed: boolean;
}

export const AMBIGUOUS = 'HERALD_MASTODON_AMBIGUOUS';
export const TOO_LONG = 'HERALD_MASTODON_TOO_LONG';
export const MEDIA_PROCESSING = 'HERALD_MASTODON_MEDIA_PROCESSING';

/** The server's `error` (and `error_description`) from a JSON body, or a short fallback. */
export function serverMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    const parts = [parsed.error, parsed.error_description].filter(
      (p): p is string => typeof p === 'string' && p.length > 0,
    );
    if (parts.length > 0) return parts.join(': ').slice(0, 1000);
  } catch {
    // Not JSON (an HTML error page from a proxy, say): say only the status.
  }
  return `HTTP ${status}`;
}

/**
 * Classifies a non-2xx response where it is born:
 * 429 → rate-limited until `X-RateLimit-Reset`; 408 and 5xx → transient (ambiguous after a
 * keyed post); any other 4xx → permanent with the server's message.
 */
export function responseError(
  site: CallSite,
  status: number,
  body: string,
  resetAt: number | undefined,
  now: number,
): HeraldError {
  const message = `Mastodon ${site.method} ${site.path} answered ${status}: ${serverMessage(status, body)}`;
  if (status === 429) {
    return rateLimited('HERALD_MASTODON_429', message, resetAt ?? now + 60_000, { status });
  }
  if (status >= 500 || status === 408) {
    const code = site.keyed ? AMBIGUOUS : `HERALD_MASTODON_${status}`;
    return transient(code, message, { status });
  }
  if (status === 422 && /character limit/i.test(message)) {
    return permanent(TOO_LONG, message, { status });
  }
  // Posting before processing finished: a moment later the same request succeeds.
  if (status === 422 && /not finished processing/i.test(message)) {
    return transient(MEDIA_PROCESSING, message, { status });
  }
  return permanent(`HERALD_MASTODON_${status}`, message, { status });
}

/** Error codes for failures that happen before any byte of the request left this host. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Network failures and timeouts are transient; after a keyed post, possibly posted. */
export function networkError(site: CallSite, error: unknown): HeraldError {
  const code = errorCodeOf(error) ?? 'UNKNOWN';
  const timeout = /TIMEOUT/.test(code);
  const message = `Mastodon ${site.method} ${site.path} failed: ${timeout ? 'timed out' : 'network error'} (${code})`;
  const sent = !NOT_SENT.has(code);
  const heraldCode =
    site.keyed && sent
      ? AMBIGUOUS
      : timeout
        ? 'HERALD_MASTODON_TIMEOUT'
        : 'HERALD_MASTODON_NETWORK';
  return transient(heraldCode, message, { cause: error });
}
