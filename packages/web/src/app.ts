import { readFile } from 'node:fs/promises';
import type { Logger } from '@herald/core';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { createMetrics, type GaugeSample, type Metrics } from './metrics.ts';

export interface WebDeps {
  logger: Logger;
  /** Readiness: resolves when Redis answers. */
  ping: () => Promise<void>;
  /** Gauges read at scrape time (queue depths). */
  gauges?: () => Promise<GaugeSample[]>;
  /** Resolves a builtin short-link code (and counts the click); undefined when unknown. */
  resolveShortLink?: (code: string) => Promise<string | undefined>;
  /** Extra plugins, e.g. the GitHub webhook receiver. */
  plugins?: FastifyPluginAsync[];
  metrics?: Metrics;
}

export interface WebOptions {
  /** Serve the bundled sample feed at /demo/feed.xml (the offline demo). @defaultValue true */
  demoFeed?: boolean;
}

const DEMO_FEED = new URL('../demo/feed.xml', import.meta.url);

/** Builds the web role's app; `listen` is the caller's business so tests use `inject`. */
export async function buildWebApp(
  deps: WebDeps,
  options: WebOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, requestTimeout: 30_000, return503OnClosing: true });
  const metrics = deps.metrics ?? createMetrics();

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.inc('herald_http_requests_total', { route, status: String(reply.statusCode) });
  });

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await deps.ping();
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false, error: 'redis unavailable' });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    const gauges = deps.gauges ? await deps.gauges().catch(() => []) : [];
    return reply.type('text/plain; version=0.0.4').send(metrics.render(gauges));
  });

  if (deps.resolveShortLink) {
    const resolve = deps.resolveShortLink;
    app.get<{ Params: { code: string } }>(
      '/l/:code',
      {
        schema: {
          params: {
            type: 'object',
            properties: { code: { type: 'string', pattern: '^[A-Za-z0-9]{4,43}$' } },
          },
        },
      },
      async (request, reply) => {
        const url = await resolve(request.params.code);
        if (!url) return reply.code(404).send({ error: 'unknown link' });
        return reply.redirect(url, 302);
      },
    );
  }

  if (options.demoFeed ?? true) {
    app.get('/demo/feed.xml', async (_request, reply) =>
      reply.type('application/rss+xml; charset=utf-8').send(await readFile(DEMO_FEED)),
    );
  }

  for (const plugin of deps.plugins ?? []) await app.register(plugin);

  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 500) deps.logger.error({ err: message, url: request.url }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : message });
  });

  return app;
}
