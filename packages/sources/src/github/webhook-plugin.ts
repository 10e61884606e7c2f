import type { HeraldConfig } from '@herald/config';
import { type Keys, type Logger, permanent, transient } from '@herald/core';
import type { JobsOptions } from 'bullmq';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { enqueueItems, type FormatQueue } from '../format-queue.ts';
import { mapGithubEvent } from './events.ts';
import { createSignatureVerifier } from './signature.ts';

export interface GithubWebhookOptions {
  config: HeraldConfig;
  formatQueue: FormatQueue;
  /** A producer connection (offline queue off), so a Redis outage answers 503 at once. */
  redis: Pick<Redis, 'exists' | 'set'>;
  keys: Keys;
  logger: Logger;
  /** Largest accepted payload; GitHub sends up to 25 MB. @defaultValue 25 MiB */
  bodyLimit?: number;
  /** How long a delivery id is remembered; GitHub redelivers for 3 days. @defaultValue 4 days */
  deliveryTtlSeconds?: number;
  /** Longest wait for the queue before answering 503. @defaultValue 5000 */
  enqueueTimeoutMs?: number;
  /** Options of the format jobs (attempts, backoff, retention); the job id is always ours. */
  jobOptions?: JobsOptions;
  /** @defaultValue '/webhooks/github' */
  path?: string;
}

interface WebhookHeaders {
  'x-github-event': string;
  'x-github-delivery': string;
  'x-hub-signature-256'?: string;
}

const errorBody = { type: 'object', properties: { error: { type: 'string' } } } as const;

const routeSchema = {
  headers: {
    type: 'object',
    required: ['x-github-event', 'x-github-delivery'],
    properties: {
      'x-github-event': { type: 'string', pattern: '^[a-z_]{1,64}$' },
      'x-github-delivery': { type: 'string', pattern: '^[A-Za-z0-9-]{1,100}$' },
      'x-hub-signature-256': { type: 'string' },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        ok: { type: 'boolean' },
        zen: { type: 'string' },
        duplicate: { type: 'boolean' },
      },
    },
    202: {
      type: 'object',
      properties: {
        accepted: { type: 'boolean' },
        items: { type: 'integer' },
        reason: { type: 'string' },
      },
    },
    '4xx': errorBody,
    '5xx': errorBody,
  },
} as const;

/**
 * `POST /webhooks/github`: verifies the signature over the raw body before parsing it,
 * dedupes on `X-GitHub-Delivery`, maps the event to items and answers 202 only once they are
 * in the format queue. Register it encapsulated (not wrapped in fastify-plugin): its raw-body
 * JSON parser, body limit and error handler must not leak to other routes.
 */
export async function githubWebhookPlugin(
  app: FastifyInstance,
  options: GithubWebhookOptions,
): Promise<void> {
  const { config, formatQueue, redis, keys, logger } = options;
  const secrets = [config.github?.secret, ...(config.github?.secrets ?? [])].filter(
    (s): s is string => !!s,
  );
  if (secrets.length === 0) {
    throw permanent(
      'HERALD_GITHUB_NO_SECRET',
      'github.secret (or github.secrets) is required for the webhook',
    );
  }
  const verify = createSignatureVerifier([...new Set(secrets)]);
  const bodyLimit = options.bodyLimit ?? 25 * 1024 * 1024;
  const ttl = options.deliveryTtlSeconds ?? 4 * 24 * 3600;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5_000;

  // Raw body: the signature covers the bytes GitHub sent, so nothing may parse them first.
  if (app.hasContentTypeParser('application/json')) app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(400).send({ error: error.message });
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ error: error.message });
    logger.error({ err: error.message, url: request.url }, 'webhook request failed');
    return reply.code(500).send({ error: 'internal error' });
  });

  app.post<{ Headers: WebhookHeaders; Body: string }>(
    options.path ?? '/webhooks/github',
    { bodyLimit, schema: routeSchema, onRequest: requireJson },
    async (request, reply) => {
      const event = request.headers['x-github-event'];
      const delivery = request.headers['x-github-delivery'];
      const signature = request.headers['x-hub-signature-256'];
      const body = typeof request.body === 'string' ? request.body : '';
      if (!signature) return reply.code(401).send({ error: 'missing X-Hub-Signature-256' });
      if (!(await verify(body, signature))) {
        logger.warn({ delivery, event }, 'webhook signature does not match');
        return reply.code(401).send({ error: 'signature does not match' });
      }
      let payload: unknown;
      try {
        payload = JSON.parse(body);
      } catch {
        return reply.code(400).send({ error: 'body is not valid JSON' });
      }
      if (event === 'ping') {
        const zen = (payload as { zen?: unknown } | null)?.zen;
        return reply.code(200).send({ ok: true, ...(typeof zen === 'string' ? { zen } : {}) });
      }

      const outcome = mapGithubEvent(config, event, payload);
      if (outcome.kind === 'invalid') {
        logger.warn({ delivery, event, reason: outcome.reason }, 'webhook payload rejected');
        return reply.code(400).send({ error: outcome.reason });
      }
      if (outcome.kind === 'ignored') {
        logger.info({ delivery, event, reason: outcome.reason }, 'webhook ignored');
        return reply.code(202).send({ accepted: false, reason: outcome.reason });
      }

      const deliveryKey = keys.webhookDelivery(delivery);
      try {
        if ((await redis.exists(deliveryKey)) === 1) {
          logger.info({ delivery, event }, 'duplicate webhook delivery');
          return reply.code(200).send({ duplicate: true });
        }
        await withTimeout(
          enqueueItems(formatQueue, outcome.sourceId, outcome.items, options.jobOptions),
          enqueueTimeoutMs,
        );
      } catch (error) {
        logger.error(
          { delivery, event, err: (error as Error).message },
          'webhook not enqueued: redis unavailable',
        );
        return reply.code(503).send({ error: 'queue unavailable; redeliver later' });
      }
      // Marked only after a successful enqueue, so a failed attempt never blocks a redelivery.
      // Losing the mark is harmless: a redelivery reuses the same job ids.
      await redis.set(deliveryKey, '1', 'EX', ttl, 'NX').catch((error: Error) => {
        logger.warn({ delivery, err: error.message }, 'delivery id not recorded');
      });
      logger.info(
        { delivery, event, source: outcome.sourceId, items: outcome.items.length },
        'webhook accepted',
      );
      return reply.code(202).send({ accepted: true, items: outcome.items.length });
    },
  );
}

async function requireJson(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    await reply.code(415).send({ error: 'Content-Type must be application/json' });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(transient('HERALD_QUEUE_TIMEOUT', `queue did not answer within ${ms} ms`)),
      ms,
    );
  });
  // The loser of the race may still settle; keep its rejection from going unhandled.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
