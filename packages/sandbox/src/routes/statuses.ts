// /api/v1/statuses: create, show, source, edit, delete.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeIfToken, authorizeUser, READ_STATUSES, WRITE_STATUSES } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { apiError, RECORD_NOT_FOUND } from '../errors.ts';
import { idParam, origin, requestParams } from '../params.ts';
import { serializeSource, serializeStatus } from '../serializers.ts';
import { canSee, createStatus, updateStatus } from '../status-write.ts';

type WithId = FastifyRequest<{ Params: { id: string } }>;

export function statusRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state, limiter } = ctx;
  // Requests that reached the create/update action: their rate-limit headers are replaced by
  // the statuses family's unless Rack::Attack's remaining is smaller (Api::RateLimitHeaders).
  const statusesFamily = new WeakMap<FastifyRequest, string>();

  app.addHook('onSend', async (request, reply, payload) => {
    const accountId = statusesFamily.get(request);
    if (accountId === undefined) return payload;
    const family = limiter.statusHeaders(accountId);
    if (!family) return payload;
    const current = reply.getHeader('x-ratelimit-remaining');
    const currentRemaining = current === undefined ? undefined : Number(current);
    if (
      currentRemaining === undefined ||
      Number(family['x-ratelimit-remaining']) <= currentRemaining
    ) {
      reply.headers(family);
    }
    return payload;
  });

  app.post('/api/v1/statuses', async (request) => {
    const caller = authorizeUser(state, request, WRITE_STATUSES);
    statusesFamily.set(request, caller.account.id);
    const key = request.headers['idempotency-key'];
    const status = createStatus(
      ctx,
      caller,
      requestParams(request),
      typeof key === 'string' ? key : undefined,
    );
    return serializeStatus(state, origin(request), status);
  });

  app.get('/api/v1/statuses/:id', async (request: WithId) => {
    const caller = authorizeIfToken(state, request, READ_STATUSES);
    const status = state.statuses.get(idParam(request.params.id));
    if (!status || !canSee(status, caller?.account?.id ?? null)) {
      throw apiError(404, RECORD_NOT_FOUND);
    }
    return serializeStatus(state, origin(request), status);
  });

  app.get('/api/v1/statuses/:id/source', async (request: WithId) => {
    const caller = authorizeUser(state, request, READ_STATUSES);
    const status = state.statuses.get(idParam(request.params.id));
    if (!status || status.accountId !== caller.account.id) throw apiError(404, RECORD_NOT_FOUND);
    return serializeSource(status);
  });

  app.put('/api/v1/statuses/:id', async (request: WithId) => {
    const caller = authorizeUser(state, request, WRITE_STATUSES);
    statusesFamily.set(request, caller.account.id);
    const status = updateStatus(ctx, caller, request.params.id, requestParams(request));
    return serializeStatus(state, origin(request), status);
  });

  app.delete('/api/v1/statuses/:id', async (request: WithId) => {
    const caller = authorizeUser(state, request, WRITE_STATUSES);
    const status = state.statuses.get(idParam(request.params.id));
    if (!status || status.accountId !== caller.account.id) throw apiError(404, RECORD_NOT_FOUND);
    // Serialized with its source first, so a client can delete and redraft.
    const body = serializeStatus(state, origin(request), status, { withSource: true });
    state.statuses.delete(status.id);
    return body;
  });
}
