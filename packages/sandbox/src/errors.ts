/** An HTTP answer thrown from deep inside a handler; the error handler sends it as is. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(typeof body === 'object' && body && 'error' in body ? String(body.error) : 'api error');
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** Mastodon's usual error shape: `{"error": message}`. */
export function apiError(status: number, message: string): ApiError {
  return new ApiError(status, { error: message });
}

/** `ActiveRecord::RecordInvalid` as the API renders it. */
export function validationFailed(messages: string[]): ApiError {
  return apiError(422, `Validation failed: ${messages.join(', ')}`);
}

/** Rails' generic error bodies (not Mastodon's shape) for a JSON request. */
export const RAILS_BAD_REQUEST = { status: 400, error: 'Bad Request' } as const;
export const RAILS_INTERNAL_ERROR = { status: 500, error: 'Internal Server Error' } as const;

export const RECORD_NOT_FOUND = 'Record not found';
export const TOO_MANY_REQUESTS = 'Too many requests';
