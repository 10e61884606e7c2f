// Doorkeeper as Mastodon configures it (reference/mastodon-server.md §6.2–6.3): authorization
// code with PKCE (S256 only) and client credentials; the sandbox user approves at once.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { type Params, requestParams, stringParam } from '../params.ts';
import { DEFAULT_SCOPES, parseScopes, withinScopes } from '../scopes.ts';
import { type AppRecord, randomSecret, type SandboxState, type TokenRecord } from '../state.ts';
import { OOB_REDIRECT_URI } from './apps.ts';

const CODE_TTL_MS = 10 * 60_000;
const DESCRIPTIONS = {
  invalid_request:
    'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type:
    'The authorization grant type is not supported by the authorization server.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  invalid_redirect_uri:
    "The requested redirect uri is malformed or doesn't match client redirect URI.",
  invalid_code_challenge_method: 'The code challenge method must be S256.',
} as const;
type OAuthError = keyof typeof DESCRIPTIONS;

function tokenError(status: number, error: OAuthError, description?: string): ApiError {
  return new ApiError(
    status,
    { error, error_description: description ?? DESCRIPTIONS[error] },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)} - Herald sandbox</title></head><body>${body}</body></html>\n`;
}

function codePage(code: string): string {
  return page(
    'Authorization code',
    `<h1>Authorization code</h1><p>Copy this authorization code and paste it to the application.</p>` +
      `<input type="text" class="oauth-code" readonly value="${escapeHtml(code)}">` +
      `<pre id="authorization_code">${escapeHtml(code)}</pre>`,
  );
}

function errorPage(reply: FastifyReply, error: OAuthError) {
  return reply
    .code(400)
    .type('text/html; charset=utf-8')
    .send(
      page('An error has occurred', `<h1>${error}</h1><p>${escapeHtml(DESCRIPTIONS[error])}</p>`),
    );
}

function withQuery(uri: string, query: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** S256: base64url(sha256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

// Client authentication by HTTP Basic or by client_id/client_secret parameters.
function authenticateClient(state: SandboxState, request: FastifyRequest, params: Params) {
  let id = stringParam(params, 'client_id');
  let secret = stringParam(params, 'client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const [user, pass] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    id = decodeURIComponent(user ?? '');
    secret = decodeURIComponent(pass ?? '');
  }
  const app = [...state.apps.values()].find((a) => a.clientId === id);
  if (!app || app.clientSecret !== secret) throw tokenError(401, 'invalid_client');
  return app;
}

function issueToken(
  state: SandboxState,
  app: AppRecord,
  accountId: string | null,
  scopes: string[],
) {
  const key = [...scopes].sort().join(' ');
  // Doorkeeper's reuse_access_token: same app, user and scopes → the same token.
  const existing = [...state.tokens.values()].find(
    (t) =>
      !t.revoked &&
      t.appId === app.id &&
      t.accountId === accountId &&
      [...t.scopes].sort().join(' ') === key,
  );
  const token: TokenRecord = existing ?? {
    token: randomSecret(),
    accountId,
    appId: app.id,
    scopes,
    createdAt: state.now(),
    revoked: false,
  };
  state.tokens.set(token.token, token);
  return {
    access_token: token.token,
    token_type: 'Bearer',
    scope: token.scopes.join(' '),
    created_at: Math.floor(token.createdAt / 1000),
  };
}

export function oauthRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.get('/oauth/authorize', async (request, reply) => {
    const params = requestParams(request);
    const client = [...state.apps.values()].find(
      (a) => a.clientId === stringParam(params, 'client_id'),
    );
    if (!client) return errorPage(reply, 'invalid_client');
    const requestedUri = stringParam(params, 'redirect_uri');
    const redirectUri =
      requestedUri || (client.redirectUris.length === 1 ? client.redirectUris[0]! : '');
    if (!client.redirectUris.includes(redirectUri)) return errorPage(reply, 'invalid_redirect_uri');
    const state_ = stringParam(params, 'state');
    const fail = (error: OAuthError) =>
      redirectUri === OOB_REDIRECT_URI
        ? errorPage(reply, error)
        : reply.redirect(
            withQuery(redirectUri, {
              error,
              error_description: DESCRIPTIONS[error],
              state: state_,
            }),
          );
    if (stringParam(params, 'response_type') !== 'code') return fail('unsupported_response_type');
    const scopes = parseScopes(stringParam(params, 'scope')) ?? DEFAULT_SCOPES;
    if (!withinScopes(scopes, client.scopes)) return fail('invalid_scope');
    const challenge = stringParam(params, 'code_challenge') || null;
    if (challenge && (stringParam(params, 'code_challenge_method') ?? 'plain') !== 'S256') {
      return fail('invalid_code_challenge_method');
    }
    // The sandbox's user approves at once; `login_hint` picks another sandbox account.
    const hint = stringParam(params, 'login_hint');
    const accounts = [...state.accounts.values()];
    const account = accounts.find((a) => a.username === hint || a.id === hint) ?? accounts[0];
    if (!account) return errorPage(reply, 'invalid_request');
    const code = randomSecret();
    state.codes.set(code, {
      code,
      appId: client.id,
      accountId: account.id,
      redirectUri,
      scopes,
      challenge,
      expiresAt: state.now() + CODE_TTL_MS,
      used: false,
    });
    if (redirectUri === OOB_REDIRECT_URI) {
      return reply.type('text/html; charset=utf-8').send(codePage(code));
    }
    return reply.redirect(withQuery(redirectUri, { code, state: state_ }));
  });

  // Where Doorkeeper sends an out-of-band flow; shows the code again.
  app.get('/oauth/authorize/native', async (request, reply) => {
    const code = stringParam(requestParams(request), 'code') ?? '';
    return reply.type('text/html; charset=utf-8').send(codePage(code));
  });

  app.post('/oauth/token', async (request) => {
    const params = requestParams(request);
    const grantType = stringParam(params, 'grant_type');
    if (!grantType) {
      throw tokenError(400, 'invalid_request', 'Missing required parameter: grant_type.');
    }
    if (grantType !== 'authorization_code' && grantType !== 'client_credentials') {
      throw tokenError(400, 'unsupported_grant_type');
    }
    const client = authenticateClient(state, request, params);
    if (grantType === 'client_credentials') {
      const scopes = parseScopes(stringParam(params, 'scope')) ?? DEFAULT_SCOPES;
      if (!withinScopes(scopes, client.scopes)) throw tokenError(400, 'invalid_scope');
      return issueToken(state, client, null, scopes);
    }
    const codeParam = stringParam(params, 'code');
    if (!codeParam) throw tokenError(400, 'invalid_request', 'Missing required parameter: code.');
    const grant = state.codes.get(codeParam);
    if (
      !grant ||
      grant.used ||
      grant.appId !== client.id ||
      grant.expiresAt <= state.now() ||
      grant.redirectUri !== (stringParam(params, 'redirect_uri') ?? grant.redirectUri)
    ) {
      throw tokenError(400, 'invalid_grant');
    }
    const verifier = stringParam(params, 'code_verifier');
    const pkceOk = grant.challenge
      ? verifier !== undefined && pkceChallenge(verifier) === grant.challenge
      : verifier === undefined || verifier === '';
    if (!pkceOk) throw tokenError(400, 'invalid_grant');
    grant.used = true;
    return issueToken(state, client, grant.accountId, grant.scopes);
  });

  app.post('/oauth/revoke', async (request) => {
    const params = requestParams(request);
    const client = authenticateClient(state, request, params);
    const token = state.tokens.get(stringParam(params, 'token') ?? '');
    // RFC 7009: an unknown token, or another client's, is answered 200 all the same.
    if (token && token.appId === client.id) token.revoked = true;
    return {};
  });
}
