import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { injected } from './_util.ts';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const verifier = 'a-code-verifier-that-is-long-enough-for-pkce-0123456789';
const challenge = createHash('sha256').update(verifier).digest('base64url');

async function registerApp(
  sandbox: ReturnType<typeof injected>,
  scopes = 'write:statuses write:media profile',
  redirect = OOB,
) {
  const response = await sandbox.request('POST', '/api/v1/apps', {
    token: null,
    json: {
      client_name: 'Herald',
      redirect_uris: redirect,
      scopes,
      website: 'https://herald.example',
    },
  });
  expect(response.status).toBe(200);
  return response.body as RegisteredApp;
}

function authorizeUrl(
  app: { client_id: string; redirect_uri: string },
  extra: Record<string, string> = {},
) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: app.redirect_uri,
    scope: 'write:statuses write:media profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/oauth/authorize?${query}`;
}

interface RegisteredApp {
  client_id: string;
  client_secret: string;
  redirect_uri: string;
  [field: string]: unknown;
}

const codeFrom = (html: string) => /class="oauth-code" readonly value="([^"]+)"/.exec(html)?.[1];

describe('OAuth', () => {
  it('registers an app with Mastodon’s CredentialApplication shape', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox);
    expect(app).toMatchObject({
      name: 'Herald',
      website: 'https://herald.example',
      scopes: ['write:statuses', 'write:media', 'profile'],
      redirect_uri: OOB,
      redirect_uris: [OOB],
      client_secret_expires_at: 0,
    });
    expect(app.client_id).toEqual(expect.any(String));
    expect(app.client_secret).toEqual(expect.any(String));
  });

  it('rejects a bad app registration with 422', async () => {
    const sandbox = injected();
    const response = await sandbox.request('POST', '/api/v1/apps', {
      token: null,
      json: { client_name: 'x', redirect_uris: 'not a uri' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      error: 'Validation failed: Redirect URI must be an absolute URI.',
    });
  });

  it('runs apps → authorize (oob) → token with PKCE, and the token works', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox);
    const page = await sandbox.app.inject({ method: 'GET', url: authorizeUrl(app) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const code = codeFrom(page.body);
    expect(code).toBeDefined();
    const token = await sandbox.request('POST', '/oauth/token', {
      token: null,
      form: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
        code_verifier: verifier,
      }).toString(),
    });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      token_type: 'Bearer',
      scope: 'write:statuses write:media profile',
    });
    expect(token.body!.created_at).toEqual(expect.any(Number));
    const me = await sandbox.request('GET', '/api/v1/accounts/verify_credentials', {
      token: token.body!.access_token,
    });
    expect(me.body).toMatchObject({ id: '1', username: 'user1' });
    const posted = await sandbox.post('via OAuth', {}, token.body!.access_token);
    expect(posted.body!.application).toEqual({ name: 'Herald', website: 'https://herald.example' });
    // The code is single-use.
    const again = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: {
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
        code_verifier: verifier,
      },
    });
    expect(again.status).toBe(400);
    expect(again.body!.error).toBe('invalid_grant');
  });

  it('refuses a wrong PKCE verifier with 400 invalid_grant', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox);
    const code = codeFrom(
      (await sandbox.app.inject({ method: 'GET', url: authorizeUrl(app) })).body,
    );
    const response = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: {
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
        code_verifier: 'wrong-verifier',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    });
  });

  it('accepts only S256 as the PKCE method', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox);
    const page = await sandbox.app.inject({
      method: 'GET',
      url: authorizeUrl(app, { code_challenge_method: 'plain' }),
    });
    expect(page.statusCode).toBe(400);
    expect(codeFrom(page.body)).toBeUndefined();
  });

  it('redirects with code and state for a real redirect URI, and errors there too', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox, 'read write', 'https://client.example/callback');
    const ok = await sandbox.app.inject({
      method: 'GET',
      url: authorizeUrl(app, { scope: 'read', state: 'xyz', login_hint: 'user2' }),
    });
    expect(ok.statusCode).toBe(302);
    const location = new URL(String(ok.headers.location));
    expect(location.origin + location.pathname).toBe('https://client.example/callback');
    expect(location.searchParams.get('state')).toBe('xyz');
    const token = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code'),
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: 'https://client.example/callback',
        code_verifier: verifier,
      },
    });
    const me = await sandbox.request('GET', '/api/v1/accounts/verify_credentials', {
      token: token.body!.access_token,
    });
    expect(me.body).toMatchObject({ username: 'user2' });
    const bad = await sandbox.app.inject({
      method: 'GET',
      url: authorizeUrl(app, { scope: 'admin:read', state: 's' }),
    });
    expect(new URL(String(bad.headers.location)).searchParams.get('error')).toBe('invalid_scope');
  });

  it('issues app tokens with client_credentials, which cannot post', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox, 'read write');
    const token = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: {
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: 'read write',
      },
    });
    expect(token.status).toBe(200);
    const posted = await sandbox.post('no user', {}, token.body!.access_token);
    expect(posted.status).toBe(422);
    expect(posted.body).toEqual({ error: 'This method requires an authenticated user' });
    const verify = await sandbox.request('GET', '/api/v1/apps/verify_credentials', {
      token: token.body!.access_token,
    });
    expect(verify.body).toMatchObject({ name: 'Herald', scopes: ['read', 'write'] });
  });

  it('answers token errors in Doorkeeper’s shape', async () => {
    const sandbox = injected();
    const app = await registerApp(sandbox);
    const badClient = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: 'nope' },
    });
    expect(badClient.status).toBe(401);
    expect(badClient.body!.error).toBe('invalid_client');
    const password = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: { grant_type: 'password', username: 'u', password: 'p' },
    });
    expect(password.status).toBe(400);
    expect(password.body!.error).toBe('unsupported_grant_type');
    const scope = await sandbox.request('POST', '/oauth/token', {
      token: null,
      json: {
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: 'admin:write',
      },
    });
    expect(scope.body!.error).toBe('invalid_scope');
  });

  it('applies scope rules: write-only cannot verify credentials, read cannot post', async () => {
    const sandbox = injected();
    const issue = async (scopes: string) => {
      const app = await registerApp(sandbox, scopes);
      const code = codeFrom(
        (await sandbox.app.inject({ method: 'GET', url: authorizeUrl(app, { scope: scopes }) }))
          .body,
      );
      const token = await sandbox.request('POST', '/oauth/token', {
        token: null,
        json: {
          grant_type: 'authorization_code',
          code,
          client_id: app.client_id,
          client_secret: app.client_secret,
          redirect_uri: OOB,
          code_verifier: verifier,
        },
      });
      return token.body!.access_token as string;
    };
    const writeOnly = await issue('write');
    const forbidden = await sandbox.request('GET', '/api/v1/accounts/verify_credentials', {
      token: writeOnly,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: 'This action is outside the authorized scopes' });
    expect((await sandbox.post('allowed', {}, writeOnly)).status).toBe(200);
    const readAccounts = await issue('read:accounts');
    expect(
      (await sandbox.request('GET', '/api/v1/accounts/verify_credentials', { token: readAccounts }))
        .status,
    ).toBe(200);
    const posted = await sandbox.post('not allowed', {}, readAccounts);
    expect(posted.status).toBe(403);
    const revoke = await sandbox.request('POST', '/oauth/revoke', { token: null, json: {} });
    expect(revoke.status).toBe(401);
  });
});
