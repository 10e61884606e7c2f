// Mastodon's rate limits (reference/mastodon-server.md §5): Rack::Attack throttles counted in
// fixed windows aligned to the Unix epoch, plus the application-level `statuses` family
// (creates and edits, 300 per 3 hours). Everything reads the injected clock.

/** What a throttle may key on. */
export interface ThrottleRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  ip: string;
  userId: string | null;
  tokenId: string | null;
  /** Any of page, min_id, max_id, since_id is given. */
  paging: boolean;
}

interface Throttle {
  name: string;
  limit: number;
  periodMs: number;
  discriminator(request: ThrottleRequest): string | null;
}

export type RateLimitHeaders = Record<
  'x-ratelimit-limit' | 'x-ratelimit-remaining' | 'x-ratelimit-reset',
  string
>;

export interface ThrottleOutcome {
  /** Headers for the most limited matching throttle; null when none matched. */
  headers: RateLimitHeaders | null;
  /** True when a throttle is over its limit: answer 429 with `headers`. */
  throttled: boolean;
}

export interface RateLimiter {
  /** Counts one request against every matching throttle, in order, stopping at the first exceeded. */
  hit(request: ThrottleRequest): ThrottleOutcome;
  /** Records one status create or edit; false (nothing recorded) when the family is exhausted. */
  recordStatus(accountId: string): boolean;
  /** The statuses-family headers for an account; null when that family is not enforced. */
  statusHeaders(accountId: string): RateLimitHeaders | null;
}

const MINUTE = 60_000;
const API_PATH = /^\/api(?:\/|$)/;
const MEDIA_PATH = /^\/api\/v\d+\/media$/i;
const DELETE_PATH = /^\/api\/v1\/statuses\/\d+$/;
const UNREBLOG_PATH = /^\/api\/v1\/statuses\/\d+\/unreblog$/;
const STATUSES_LIMIT = 300;
const STATUSES_PERIOD_MS = 3 * 60 * MINUTE;

/** Rack::Attack's throttles from Mastodon's config/initializers/rack_attack.rb, in its order. */
const MASTODON_THROTTLES: Throttle[] = [
  {
    name: 'throttle_authenticated_api',
    limit: 1500,
    periodMs: 5 * MINUTE,
    discriminator: (r) => (API_PATH.test(r.path) ? r.userId : null),
  },
  {
    name: 'throttle_per_token_api',
    limit: 300,
    periodMs: 5 * MINUTE,
    discriminator: (r) => (API_PATH.test(r.path) ? r.tokenId : null),
  },
  {
    name: 'throttle_unauthenticated_api',
    limit: 300,
    periodMs: 5 * MINUTE,
    discriminator: (r) => (API_PATH.test(r.path) && !r.userId ? r.ip : null),
  },
  {
    name: 'throttle_api_media',
    limit: 30,
    periodMs: 30 * MINUTE,
    discriminator: (r) => (r.method === 'POST' && MEDIA_PATH.test(r.path) ? r.userId : null),
  },
  {
    name: 'throttle_authenticated_paging',
    limit: 300,
    periodMs: 15 * MINUTE,
    discriminator: (r) => (r.paging ? r.userId : null),
  },
  {
    name: 'throttle_unauthenticated_paging',
    limit: 300,
    periodMs: 15 * MINUTE,
    discriminator: (r) => (r.paging && !r.userId ? r.ip : null),
  },
  {
    name: 'throttle_api_delete',
    limit: 30,
    periodMs: 30 * MINUTE,
    discriminator: (r) =>
      (r.method === 'DELETE' && DELETE_PATH.test(r.path)) ||
      (r.method === 'POST' && UNREBLOG_PATH.test(r.path))
        ? r.userId
        : null,
  },
  {
    name: 'throttle_oauth_application_registrations/ip',
    limit: 5,
    periodMs: 10 * MINUTE,
    discriminator: (r) => (r.method === 'POST' && r.path === '/api/v1/apps' ? r.ip : null),
  },
];

/** ISO 8601 UTC with microseconds, as Ruby's `iso8601(6)` prints it. */
export function isoMicroseconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

// Mastodon computes the reset as `now + (period - now.to_i % period)`: the window's end plus
// the sub-second part of the request time. The simple throttle resets on its window's end.
function resetAt(now: number, periodMs: number, mastodonStyle: boolean): number {
  const windowEnd = (Math.floor(now / periodMs) + 1) * periodMs;
  return mastodonStyle ? windowEnd + (now % 1000) : windowEnd;
}

function headersFor(limit: number, remaining: number, reset: number): RateLimitHeaders {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-reset': isoMicroseconds(reset),
  };
}

/** A rate limiter for the sandbox's `rateLimit` option. */
export function createRateLimiter(
  mode: 'mastodon' | 'off' | { max: number; windowMs: number },
  now: () => number,
): RateLimiter {
  const counters = new Map<string, { window: number; count: number }>();
  const mastodonStyle = mode === 'mastodon';
  const throttles: Throttle[] =
    mode === 'mastodon'
      ? MASTODON_THROTTLES
      : mode === 'off'
        ? []
        : [
            {
              name: 'sandbox_simple',
              limit: mode.max,
              periodMs: mode.windowMs,
              discriminator: (r) => (API_PATH.test(r.path) ? (r.tokenId ?? `ip:${r.ip}`) : null),
            },
          ];

  // Count in the current fixed window; a counter from an older window starts again at zero.
  function current(key: string, periodMs: number): { window: number; count: number } {
    const window = Math.floor(now() / periodMs);
    const existing = counters.get(key);
    if (existing && existing.window === window) return existing;
    const fresh = { window, count: 0 };
    counters.set(key, fresh);
    return fresh;
  }

  return {
    hit(request) {
      const time = now();
      let best: RateLimitHeaders | null = null;
      let bestRemaining = Number.POSITIVE_INFINITY;
      for (const throttle of throttles) {
        const discriminator = throttle.discriminator(request);
        if (discriminator === null) continue;
        const counter = current(`${throttle.name}:${discriminator}`, throttle.periodMs);
        counter.count += 1;
        const reset = resetAt(time, throttle.periodMs, mastodonStyle);
        if (counter.count > throttle.limit) {
          return { headers: headersFor(throttle.limit, 0, reset), throttled: true };
        }
        const remaining = throttle.limit - counter.count;
        if (remaining < bestRemaining) {
          bestRemaining = remaining;
          best = headersFor(throttle.limit, remaining, reset);
        }
      }
      return { headers: best, throttled: false };
    },
    recordStatus(accountId) {
      if (!mastodonStyle) return true;
      const counter = current(`statuses:${accountId}`, STATUSES_PERIOD_MS);
      if (counter.count >= STATUSES_LIMIT) return false;
      counter.count += 1;
      return true;
    },
    statusHeaders(accountId) {
      if (!mastodonStyle) return null;
      const counter = current(`statuses:${accountId}`, STATUSES_PERIOD_MS);
      const reset = resetAt(now(), STATUSES_PERIOD_MS, true);
      return headersFor(STATUSES_LIMIT, STATUSES_LIMIT - counter.count, reset);
    },
  };
}
