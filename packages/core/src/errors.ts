/**
 * The closed error taxonomy. Decided where an error is born; the queue layer translates it
 * to BullMQ in one place (`toQueueError` in the publisher/worker wiring).
 */
export type ErrorKind = 'permanent' | 'rate-limited' | 'transient';

export interface HeraldErrorOptions {
  /** Stable code callers branch on, e.g. `HERALD_MASTODON_422`. */
  code: string;
  kind: ErrorKind;
  /** For rate-limited errors: when the limit resets (epoch ms). */
  resetAt?: number;
  /** HTTP status, when the error came from a response. */
  status?: number;
  cause?: unknown;
}

export class HeraldError extends Error {
  override name = 'HeraldError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly resetAt: number | undefined;
  readonly status: number | undefined;

  constructor(message: string, options: HeraldErrorOptions) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.kind = options.kind;
    this.resetAt = options.resetAt;
    this.status = options.status;
  }
}

export const permanent = (code: string, message: string, extra: Partial<HeraldErrorOptions> = {}) =>
  new HeraldError(message, { ...extra, code, kind: 'permanent' });

export const transient = (code: string, message: string, extra: Partial<HeraldErrorOptions> = {}) =>
  new HeraldError(message, { ...extra, code, kind: 'transient' });

export const rateLimited = (
  code: string,
  message: string,
  resetAt: number,
  extra: Partial<HeraldErrorOptions> = {},
) => new HeraldError(message, { ...extra, code, kind: 'rate-limited', resetAt });

/** Anything not classified where it was born is treated as transient: retry, never drop. */
export function errorKind(error: unknown): ErrorKind {
  return error instanceof HeraldError ? error.kind : 'transient';
}

/**
 * The system error code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`, …) of an error or of the
 * errors that caused it; undici wraps socket errors in one or two layers of `cause`.
 */
export function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
