/** What the server said about the throttle closest to being exceeded (`X-RateLimit-*`). */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the window resets, epoch ms. */
  resetAt: number;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Mastodon sends an ISO 8601 timestamp with microseconds (never epoch seconds, and no
 * Retry-After). Other servers speaking the API send epoch seconds or seconds from now, so
 * numbers are accepted too: large ones as epoch seconds, small ones as a delay.
 */
export function parseResetAt(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return n > 1e9 ? Math.round(n * 1000) : now + Math.round(n * 1000);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/** Reads `X-RateLimit-Limit/Remaining/Reset`; undefined when the response has none. */
export function parseRateLimit(headers: HeaderBag, now = Date.now()): RateLimit | undefined {
  const limit = Number(header(headers, 'x-ratelimit-limit'));
  const remaining = Number(header(headers, 'x-ratelimit-remaining'));
  const resetAt = parseResetAt(header(headers, 'x-ratelimit-reset'), now);
  if (!Number.isFinite(remaining) || resetAt === undefined) return undefined;
  return { limit: Number.isFinite(limit) ? limit : remaining, remaining, resetAt };
}

/** The `rel="next"` URL of a Link header, if any. */
export function nextLink(headers: HeaderBag): string | undefined {
  const link = header(headers, 'link');
  if (!link) return undefined;
  // Each link is `<url>; rel="…"`; the parameters run until the next `<`.
  for (const match of link.matchAll(/<([^>]*)>([^<]*)/g)) {
    if (/;\s*rel="?([^";]*\s)?next[\s";,]/.test(`${match[2]!};`)) return match[1];
  }
  return undefined;
}
