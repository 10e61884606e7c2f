// Builds the sandbox (fastify app + in-memory state) and starts it on a port.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { tokenOf } from './auth.ts';
import type { SandboxContext } from './context.ts';
import {
  ApiError,
  RAILS_BAD_REQUEST,
  RAILS_INTERNAL_ERROR,
  RECORD_NOT_FOUND,
  TOO_MANY_REQUESTS,
} from './errors.ts';
import { VIDEO_SIZE_LIMIT } from './media-files.ts';
import { resolveOptions, type SandboxOptions } from './options.ts';
import { createRateLimiter } from './rate-limit.ts';
import { accountRoutes } from './routes/accounts.ts';
import { appRoutes } from './routes/apps.ts';
import { countRoutes } from './routes/count.ts';
import { instanceRoutes } from './routes/instance.ts';
import { mediaRoutes } from './routes/media.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { statusRoutes } from './routes/statuses.ts';
import { createState, type StatusRecord } from './state.ts';

export interface SandboxAccount {
  id: string;
  username: string;
  token: string;
}

/** A stored status, as tests see it (`statuses()`), in creation order. */
export interface SandboxStatus {
  id: string;
  account_id: string;
  text: string;
  spoiler_text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string;
  sensitive: boolean;
  in_reply_to_id: string | null;
  media_ids: string[];
  /** ISO 8601. */
  created_at: string;
  edited_at: string | null;
  /** The Idempotency-Key that created it, if any. */
  idempotency_key: string | null;
}

export interface SandboxApp {
  /** The fastify app, not listening: use `app.inject()`, or `listen()` yourself. */
  app: FastifyInstance;
  accounts: SandboxAccount[];
  statuses(accountId?: string): SandboxStatus[];
}

export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  accounts: SandboxAccount[];
  statuses(accountId?: string): SandboxStatus[];
  close(): Promise<void>;
}

const PAGING_PARAMS = ['page', 'min_id', 'max_id', 'since_id'];

function toSandboxStatus(status: StatusRecord): SandboxStatus {
  return {
    id: status.id,
    account_id: status.accountId,
    text: status.text,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    sensitive: status.sensitive,
    in_reply_to_id: status.inReplyToId,
    media_ids: [...status.mediaIds],
    created_at: new Date(status.createdAt).toISOString(),
    edited_at: status.editedAt === null ? null : new Date(status.editedAt).toISOString(),
    idempotency_key: status.idempotencyKey,
  };
}

function isPaging(request: FastifyRequest): boolean {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return PAGING_PARAMS.some((name) => query[name] !== undefined && query[name] !== '');
}

/** The sandbox app without a listening socket (for `app.inject()` tests). */
export function buildSandbox(options: SandboxOptions = {}): SandboxApp {
  const settings = resolveOptions(options);
  const state = createState(settings.tokens, settings.now);
  const limiter = createRateLimiter(settings.rateLimit, settings.now);
  const ctx: SandboxContext = { state, settings, limiter };
  const app = Fastify({ logger: false });

  app.register(formbody);
  app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: VIDEO_SIZE_LIMIT, files: 2, fields: 200 },
  });
  // Rails answers a malformed JSON body with its own 400; an empty one is simply no params.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, RAILS_BAD_REQUEST), undefined);
    }
  });
  // Other body types carry no parameters Rails would read.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, {}));

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/__sandbox/')) return;
    const token = tokenOf(state, request);
    const outcome = limiter.hit({
      method: request.method,
      path,
      ip: request.ip,
      userId: token?.accountId ?? null,
      tokenId: token?.token ?? null,
      paging: isPaging(request),
    });
    if (outcome.headers) reply.headers(outcome.headers);
    if (outcome.throttled) {
      // Mastodon's throttled_responder: no Retry-After, only the X-RateLimit-* headers.
      return reply.code(429).type('application/json').send({ error: TOO_MANY_REQUESTS });
    }
  });

  if (settings.log) {
    const log = settings.log;
    app.addHook('onResponse', async (request, reply) => {
      log(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.status).headers(error.headers).send(error.body);
    }
    const failure = error as { code?: string; statusCode?: number };
    if (failure.code === 'FST_REQ_FILE_TOO_LARGE' || failure.statusCode === 413) {
      // What nginx's client_max_body_size answers in front of Mastodon.
      return reply
        .code(413)
        .type('text/html')
        .send('<html><head><title>413 Request Entity Too Large</title></head></html>\n');
    }
    if (failure.statusCode !== undefined && failure.statusCode >= 400 && failure.statusCode < 500) {
      return reply.code(400).send(RAILS_BAD_REQUEST);
    }
    settings.log?.(`error on ${request.method} ${request.url}: ${(error as Error).stack ?? error}`);
    return reply.code(500).send(RAILS_INTERNAL_ERROR);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: RECORD_NOT_FOUND }));

  appRoutes(app, ctx);
  oauthRoutes(app, ctx);
  instanceRoutes(app, ctx);
  accountRoutes(app, ctx);
  statusRoutes(app, ctx);
  mediaRoutes(app, ctx);
  countRoutes(app, ctx);

  const tokens = [...state.tokens.values()];
  const accounts: SandboxAccount[] = tokens.map((t) => {
    const account = state.accounts.get(t.accountId!)!;
    return { id: account.id, username: account.username, token: t.token };
  });
  return {
    app,
    accounts,
    statuses: (accountId) =>
      [...state.statuses.values()]
        .filter((s) => accountId === undefined || s.accountId === accountId)
        .map(toSandboxStatus),
  };
}

/** Builds the sandbox and listens; `url` is where clients reach it. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const built = buildSandbox(options);
  const listenHost = options.host ?? '127.0.0.1';
  await built.app.listen({ host: listenHost, port: options.port ?? 0 });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::';
  const host = wildcard ? '127.0.0.1' : listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return {
    url: `http://${host}:${port}`,
    accounts: built.accounts,
    statuses: built.statuses,
    close: () => built.app.close(),
  };
}
