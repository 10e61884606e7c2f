// /api/v1/accounts: verify_credentials, an account, and its statuses with Link-header paging
// (reference/mastodon-server.md §6.5, §7.3).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeIfToken, authorizeUser, READ_ACCOUNT, READ_STATUSES } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { apiError, RECORD_NOT_FOUND } from '../errors.ts';
import {
  booleanParam,
  idParam,
  origin,
  type Params,
  requestParams,
  stringParam,
} from '../params.ts';
import { serializeAccount, serializeCredentialAccount, serializeStatus } from '../serializers.ts';
import { compareIds, type StatusRecord } from '../state.ts';
import { canSee } from '../status-write.ts';

type WithId = FastifyRequest<{ Params: { id: string } }>;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 40;
// Parameters a Link URL carries over from the request (Api::Pagination#pagination_params).
const CARRIED = ['exclude_reblogs', 'exclude_replies', 'limit', 'only_media', 'pinned', 'tagged'];

/** Api::Pagination#limit_param: default without `limit`, else |to_i| capped at the maximum. */
function limitParam(params: Params): number {
  const raw = stringParam(params, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  const value = Math.abs(Number.parseInt(raw, 10) || 0);
  return Math.min(value, MAX_LIMIT);
}

function cursor(params: Params, name: string): string | undefined {
  const raw = stringParam(params, name);
  return raw === undefined || raw === '' ? undefined : idParam(raw);
}

/** paginate_by_id: max_id/since_id give the newest page below/above, min_id the page just above. */
export function paginate(statuses: StatusRecord[], params: Params, limit: number): StatusRecord[] {
  const maxId = cursor(params, 'max_id');
  const sinceId = cursor(params, 'since_id');
  const minId = cursor(params, 'min_id');
  const below = (s: StatusRecord) => maxId === undefined || compareIds(s.id, maxId) < 0;
  if (minId !== undefined) {
    return statuses
      .filter((s) => compareIds(s.id, minId) > 0 && below(s))
      .sort((a, b) => compareIds(a.id, b.id))
      .slice(0, limit)
      .reverse();
  }
  return statuses
    .filter((s) => below(s) && (sinceId === undefined || compareIds(s.id, sinceId) > 0))
    .sort((a, b) => compareIds(b.id, a.id))
    .slice(0, limit);
}

function pageUrl(base: string, accountId: string, params: Params, extra: Record<string, string>) {
  const query = new URLSearchParams();
  const entries: [string, string][] = CARRIED.flatMap((name) => {
    const value = stringParam(params, name);
    return value === undefined ? [] : [[name, value] as [string, string]];
  });
  // Rails' Hash#to_query sorts the keys.
  for (const [name, value] of [...entries, ...Object.entries(extra)].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    query.append(name, value);
  }
  return `${base}/api/v1/accounts/${accountId}/statuses?${query}`;
}

export function accountRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.get('/api/v1/accounts/verify_credentials', async (request) => {
    const caller = authorizeUser(state, request, READ_ACCOUNT);
    return serializeCredentialAccount(state, origin(request), caller.account);
  });

  app.get('/api/v1/accounts/:id', async (request: WithId) => {
    authorizeIfToken(state, request, ['read', 'read:accounts']);
    const account = state.accounts.get(request.params.id);
    if (!account) throw apiError(404, RECORD_NOT_FOUND);
    return serializeAccount(state, origin(request), account);
  });

  app.get('/api/v1/accounts/:id/statuses', async (request: WithId, reply) => {
    const caller = authorizeIfToken(state, request, READ_STATUSES);
    const account = state.accounts.get(request.params.id);
    if (!account) throw apiError(404, RECORD_NOT_FOUND);
    const params = requestParams(request);
    const viewerId = caller?.account?.id ?? null;
    const candidates = [...state.statuses.values()].filter(
      (s) =>
        s.accountId === account.id &&
        canSee(s, viewerId) &&
        !(booleanParam(params, 'exclude_replies') && s.inReplyToId !== null) &&
        !(booleanParam(params, 'only_media') && s.mediaIds.length === 0) &&
        !booleanParam(params, 'pinned'),
    );
    const limit = limitParam(params);
    const page = paginate(candidates, params, limit);
    const base = origin(request);
    const links: string[] = [];
    if (page.length > 0 && page.length === limit) {
      links.push(`<${pageUrl(base, account.id, params, { max_id: page.at(-1)!.id })}>; rel="next"`);
    }
    if (page.length > 0) {
      links.push(`<${pageUrl(base, account.id, params, { min_id: page[0]!.id })}>; rel="prev"`);
    }
    if (links.length > 0) reply.header('link', links.join(', '));
    return page.map((s) => serializeStatus(state, base, s));
  });
}
