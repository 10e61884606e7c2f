import { randomSecret } from './state.ts';

/** A simple throttle: `max` requests per `windowMs` per token (per IP without one) on /api. */
export interface SimpleRateLimit {
  max: number;
  windowMs: number;
}

export interface SandboxOptions {
  /** Interface to listen on. @defaultValue '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** Bearer tokens, one account each (all scopes). @defaultValue one generated token */
  tokens?: string[];
  /** `configuration.statuses.max_characters`. @defaultValue 500 */
  maxCharacters?: number;
  /** `characters_reserved_per_url`: what every recognised URL counts. @defaultValue 23 */
  urlChars?: number;
  /** `max_media_attachments` per status. @defaultValue 4 */
  maxMediaAttachments?: number;
  /** Mastodon's throttles, none, or one simple per-token throttle. @defaultValue 'mastodon' */
  rateLimit?: 'mastodon' | 'off' | SimpleRateLimit;
  /** Video/audio processing time before GET /api/v1/media/:id answers 200. @defaultValue 0 */
  mediaDelayMs?: number;
  /** How a repeated Idempotency-Key is answered (`repeat-500` = Mastodon 4.6–4.7). @defaultValue 'repeat-200' */
  idempotency?: 'repeat-200' | 'repeat-500';
  /** Clock in epoch milliseconds, for rate-limit windows, media processing and key expiry. @defaultValue Date.now */
  now?: () => number;
  /** Receives one line per handled request (the CLI sends them to stderr). @defaultValue none */
  log?: (line: string) => void;
}

export interface SandboxSettings {
  host: string;
  port: number;
  tokens: string[];
  maxCharacters: number;
  urlChars: number;
  maxMediaAttachments: number;
  rateLimit: 'mastodon' | 'off' | SimpleRateLimit;
  mediaDelayMs: number;
  idempotency: 'repeat-200' | 'repeat-500';
  now: () => number;
  log: ((line: string) => void) | undefined;
}

function whole(name: string, value: number | undefined, fallback: number, min: number): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < min) {
    throw new RangeError(`sandbox option ${name} must be an integer ≥ ${min}, got ${result}`);
  }
  return result;
}

/** Fills in defaults and rejects impossible values (thrown as RangeError). */
export function resolveOptions(options: SandboxOptions = {}): SandboxSettings {
  const tokens = options.tokens?.length ? [...options.tokens] : [randomSecret()];
  if (tokens.some((token) => token.trim() === '' || /\s/.test(token))) {
    throw new RangeError('sandbox tokens must be non-empty and contain no white space');
  }
  if (new Set(tokens).size !== tokens.length) throw new RangeError('sandbox tokens must be unique');
  const rateLimit = options.rateLimit ?? 'mastodon';
  if (typeof rateLimit === 'object') {
    whole('rateLimit.max', rateLimit.max, 0, 1);
    whole('rateLimit.windowMs', rateLimit.windowMs, 0, 1);
  } else if (rateLimit !== 'mastodon' && rateLimit !== 'off') {
    throw new RangeError(`sandbox option rateLimit must be mastodon, off or {max, windowMs}`);
  }
  const idempotency = options.idempotency ?? 'repeat-200';
  if (idempotency !== 'repeat-200' && idempotency !== 'repeat-500') {
    throw new RangeError('sandbox option idempotency must be repeat-200 or repeat-500');
  }
  return {
    host: options.host ?? '127.0.0.1',
    port: whole('port', options.port, 0, 0),
    tokens,
    maxCharacters: whole('maxCharacters', options.maxCharacters, 500, 1),
    urlChars: whole('urlChars', options.urlChars, 23, 0),
    maxMediaAttachments: whole('maxMediaAttachments', options.maxMediaAttachments, 4, 1),
    rateLimit,
    mediaDelayMs: whole('mediaDelayMs', options.mediaDelayMs, 0, 0),
    idempotency,
    now: options.now ?? Date.now,
    log: options.log,
  };
}
