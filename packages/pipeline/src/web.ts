import type { AddressInfo } from 'node:net';
import { jobOptions } from '@herald/core';
import { resolveShortLink } from '@herald/format';
import { githubWebhookPlugin } from '@herald/sources';
import { buildWebApp, createMetrics, type GaugeSample } from '@herald/web';
import type { RoleContext } from './herald.ts';
import type { createLifecycle } from './lifecycle.ts';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** The web role: webhook receiver, health, metrics, short links; returns its URL. */
export async function startWeb(
  ctx: RoleContext,
  lifecycle: ReturnType<typeof createLifecycle>,
): Promise<string> {
  const { config, keys, producer, producerQueues } = ctx;
  const metrics = createMetrics();
  const app = await buildWebApp({
    logger: ctx.logger,
    metrics,
    ping: async () => {
      await producer.ping();
    },
    gauges: async () => {
      const samples: GaugeSample[] = [];
      for (const queue of producerQueues.all()) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) {
          samples.push({
            name: 'herald_queue_jobs',
            help: 'Jobs in each Herald queue by state.',
            labels: { queue: queue.name, state },
            value: counts[state] ?? 0,
          });
        }
      }
      return samples;
    },
    resolveShortLink: (code) => resolveShortLink({ store: producer, keys }, code),
  });
  // Without a secret nothing can be verified, so there is no receiver (the route 404s).
  if (config.github?.secret || config.github?.secrets?.length) {
    await app.register(githubWebhookPlugin, {
      config,
      formatQueue: producerQueues.format,
      redis: producer,
      keys,
      logger: ctx.logger,
      jobOptions: jobOptions(config.workers),
    });
  }
  await app.listen({ host: config.server.host, port: config.server.port });
  lifecycle.add({ name: 'web', close: () => app.close() });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
