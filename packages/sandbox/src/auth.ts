// Doorkeeper's bearer-token checks as Mastodon's API controllers apply them
// (reference/mastodon-server.md §2.1, §6.5, §6.6).
import type { FastifyRequest } from 'fastify';
import { ApiError, apiError } from './errors.ts';
import type { AccountRecord, SandboxState, TokenRecord } from './state.ts';

export interface Caller {
  token: TokenRecord;
  /** Null for an app-only token. */
  account: AccountRecord | null;
}

export interface UserCaller extends Caller {
  account: AccountRecord;
}

const INVALID_TOKEN = 'The access token is invalid';

/** The token the request presents: `Authorization: Bearer …` or an `access_token` parameter. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  const query = request.query as Record<string, unknown> | undefined;
  const param = query?.access_token;
  return typeof param === 'string' && param !== '' ? param : undefined;
}

/** The live token record behind the request, if it presents a known, unrevoked token. */
export function tokenOf(state: SandboxState, request: FastifyRequest): TokenRecord | undefined {
  const presented = presentedToken(request);
  const record = presented === undefined ? undefined : state.tokens.get(presented);
  return record && !record.revoked ? record : undefined;
}

function unauthorized(): ApiError {
  return new ApiError(
    401,
    { error: INVALID_TOKEN },
    {
      'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${INVALID_TOKEN}"`,
    },
  );
}

/** `doorkeeper_authorize!(*scopes)`: 401 without a valid token, 403 without one of the scopes. */
export function authorize(
  state: SandboxState,
  request: FastifyRequest,
  scopes: readonly string[],
): Caller {
  const token = tokenOf(state, request);
  if (!token) throw unauthorized();
  if (scopes.length > 0 && !scopes.some((scope) => token.scopes.includes(scope))) {
    throw apiError(403, 'This action is outside the authorized scopes');
  }
  const account = token.accountId ? (state.accounts.get(token.accountId) ?? null) : null;
  return { token, account };
}

/** `doorkeeper_authorize!` followed by `require_user!` (422 for an app-only token). */
export function authorizeUser(
  state: SandboxState,
  request: FastifyRequest,
  scopes: readonly string[],
): UserCaller {
  const caller = authorize(state, request, scopes);
  if (!caller.account) throw apiError(422, 'This method requires an authenticated user');
  return caller as UserCaller;
}

/** `authorize_if_got_token!`: public endpoints check a token only when one is presented. */
export function authorizeIfToken(
  state: SandboxState,
  request: FastifyRequest,
  scopes: readonly string[],
): Caller | null {
  return presentedToken(request) === undefined ? null : authorize(state, request, scopes);
}

export const READ_STATUSES = ['read', 'read:statuses'] as const;
export const WRITE_STATUSES = ['write', 'write:statuses'] as const;
export const WRITE_MEDIA = ['write', 'write:media'] as const;
export const READ_ACCOUNT = ['profile', 'read', 'read:accounts'] as const;
