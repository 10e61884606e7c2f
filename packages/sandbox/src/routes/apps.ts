// POST /api/v1/apps and GET /api/v1/apps/verify_credentials (reference/mastodon-server.md §6.1).
import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { arrayParam, type Params, requestParams, stringParam } from '../params.ts';
import { DEFAULT_SCOPES, knownScopes, parseScopes } from '../scopes.ts';
import { type AppRecord, randomSecret } from '../state.ts';

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
const FORBIDDEN_SCHEMES = ['data:', 'vbscript:', 'javascript:'];

function redirectUris(params: Params): string[] {
  const list = arrayParam(params, 'redirect_uris');
  const text = list ? list.join('\n') : (stringParam(params, 'redirect_uris') ?? '');
  return text
    .split(/\s+/)
    .map((uri) => uri.trim())
    .filter(Boolean);
}

function redirectUriProblems(uris: string[]): string[] {
  if (uris.length === 0) return ["Redirect URI can't be blank"];
  if (uris.join('\n').length > 2000)
    return ['Redirect URI is too long (maximum is 2000 characters)'];
  for (const uri of uris) {
    if (uri === OOB_REDIRECT_URI) continue;
    let parsed: URL;
    try {
      parsed = new URL(uri);
    } catch {
      return ['Redirect URI must be an absolute URI.'];
    }
    if (FORBIDDEN_SCHEMES.includes(parsed.protocol))
      return ['Redirect URI is forbidden by the server.'];
    if (parsed.hash) return ['Redirect URI cannot contain a fragment.'];
  }
  return [];
}

/** The CredentialApplication entity (secrets included: only the registering client sees it). */
function credentialApplication(app: AppRecord) {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uri: app.redirectUris.join('\n'),
    redirect_uris: app.redirectUris,
    vapid_key: '',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    client_secret_expires_at: 0,
  };
}

export function appRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.post('/api/v1/apps', async (request) => {
    const params = requestParams(request);
    const name = (stringParam(params, 'client_name') ?? '').trim();
    const uris = redirectUris(params);
    const scopes = parseScopes(stringParam(params, 'scopes')) ?? DEFAULT_SCOPES;
    const problems: string[] = [];
    if (name === '') problems.push("Application name can't be blank");
    if (name.length > 60) problems.push('Application name is too long (maximum is 60 characters)');
    problems.push(...redirectUriProblems(uris));
    if (!knownScopes(scopes)) problems.push("Scopes doesn't match configured on the server.");
    if (problems.length > 0) throw validationFailed(problems);
    const record: AppRecord = {
      id: state.nextId(),
      name,
      website: stringParam(params, 'website') || null,
      redirectUris: uris,
      scopes,
      clientId: randomSecret(),
      clientSecret: randomSecret(),
    };
    state.apps.set(record.id, record);
    return credentialApplication(record);
  });

  app.get('/api/v1/apps/verify_credentials', async (request) => {
    const { token } = authorize(state, request, []);
    const registered = token.appId ? state.apps.get(token.appId) : undefined;
    return {
      ...(registered ? { id: registered.id } : {}),
      name: registered?.name ?? 'Herald sandbox',
      website: registered?.website ?? null,
      scopes: token.scopes,
      redirect_uri: registered?.redirectUris.join('\n') ?? OOB_REDIRECT_URI,
      redirect_uris: registered?.redirectUris ?? [OOB_REDIRECT_URI],
      vapid_key: '',
    };
  });
}
