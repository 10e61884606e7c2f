import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  createKeys,
  createRedis,
  type FormatJob,
  jobId,
  parseJob,
  QUEUE_FORMAT,
  silentLogger,
  waitForReady,
} from '@herald/core';
import { Queue } from 'bullmq';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormatQueue } from '../src/format-queue.ts';
import { type GithubWebhookOptions, githubWebhookPlugin } from '../src/github/webhook-plugin.ts';
import { deletePrefix, REDIS_URL, startServer, testConfig, uniquePrefix } from './_util.ts';

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string; ref?: string }>;
}
const examples: ExampleGroup[] = createRequire(import.meta.url)('@octokit/webhooks-examples');
const example = (name: string, match: (e: ExampleGroup['examples'][number]) => boolean) => {
  const found = examples.find((g) => g.name === name)?.examples.find(match);
  if (!found) throw new Error(`no ${name} example`);
  return found;
};
const releasePublished = example('release', (e) => e.action === 'published');
const ping = example('ping', () => true);
const pushToMaster = example('push', (e) => e.ref === 'refs/heads/master');

const SECRET = "It's a Secret to Everybody";
const NEXT_SECRET = 'rotated-secret-2025';
const RELEASE_ITEM_KEY = 'github:codertocat/hello-world:release:17372790';
const RELEASE_JOB_ID = jobId('format', 'github:codertocat/hello-world', RELEASE_ITEM_KEY);

const prefix = uniquePrefix('github');
const keys = createKeys(prefix);
const config = testConfig({
  accounts: { main: { instance: 'https://social.example', token: 't' } },
  github: {
    secret: SECRET,
    secrets: [NEXT_SECRET],
    repos: [{ repo: 'Codertocat/Hello-World', events: ['release', 'push'], to: ['main'] }],
  },
});

let redis: Redis;
let queue: Queue<FormatJob>;
let app: FastifyInstance;

async function buildApp(overrides: Partial<GithubWebhookOptions> = {}): Promise<FastifyInstance> {
  const instance = Fastify();
  await instance.register(githubWebhookPlugin, {
    config,
    formatQueue: queue,
    redis,
    keys,
    logger: silentLogger,
    ...overrides,
  });
  await instance.ready();
  return instance;
}

beforeAll(async () => {
  redis = createRedis(REDIS_URL, 'producer');
  await waitForReady(redis);
  queue = new Queue<FormatJob>(QUEUE_FORMAT, { connection: redis, prefix: keys.bullPrefix });
  app = await buildApp();
});

beforeEach(() => deletePrefix(redis, prefix));

afterAll(async () => {
  await app.close();
  await deletePrefix(redis, prefix);
  await queue.close();
  redis.disconnect();
});

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

interface Delivery {
  event: string;
  payload: unknown;
  secret?: string;
  id?: string;
  signature?: string | null;
  contentType?: string;
  headers?: Record<string, string | undefined>;
  target?: FastifyInstance;
}

function deliver(d: Delivery) {
  const body = typeof d.payload === 'string' ? d.payload : JSON.stringify(d.payload);
  const headers: Record<string, string> = {
    'content-type': d.contentType ?? 'application/json',
    'user-agent': 'GitHub-Hookshot/5b3f0c6',
    'x-github-event': d.event,
    'x-github-delivery': d.id ?? randomUUID(),
    'x-github-hook-id': '109948940',
  };
  const signature = d.signature === undefined ? sign(body, d.secret) : d.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  for (const [name, value] of Object.entries(d.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return (d.target ?? app).inject({
    method: 'POST',
    url: '/webhooks/github',
    headers,
    payload: body,
  });
}

const jobs = () => queue.getJobs(['waiting'], 0, -1, true);

describe('GitHub webhook receiver', () => {
  it('accepts a published release: 202 after exactly one job is in the format queue', async () => {
    const response = await deliver({ event: 'release', payload: releasePublished });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: true, items: 1 });
    const queued = await jobs();
    expect(queued.map((j) => j.id)).toEqual([RELEASE_JOB_ID]);
    const { item } = parseJob('format', queued[0]?.data);
    expect(item).toMatchObject({
      source: { kind: 'github', repo: 'Codertocat/Hello-World', event: 'release' },
      itemKey: RELEASE_ITEM_KEY,
      url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
      title: '0.0.1',
      author: 'Codertocat',
      publishedAt: '2019-05-15T15:20:53Z',
      categories: [],
      fields: {
        repo: 'Codertocat/Hello-World',
        'repo.url': 'https://github.com/Codertocat/Hello-World',
        'release.tag': '0.0.1',
        'release.name': '0.0.1',
        'release.url': 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
        sender: 'Codertocat',
      },
    });
  });

  it('carries the Markdown release notes as escaped text and repository topics as categories', async () => {
    const payload = structuredClone(releasePublished) as {
      release: Record<string, unknown>;
      repository: Record<string, unknown>;
    };
    payload.release.name = 'Hello <World> 1.0';
    payload.release.body = '## Changes\n- Fix `a < b` & more';
    payload.repository.topics = ['rust', 'cli'];
    expect((await deliver({ event: 'release', payload })).statusCode).toBe(202);
    const { item } = parseJob('format', (await jobs())[0]?.data);
    expect(item.title).toBe('Hello <World> 1.0');
    expect(item.contentHtml).toBe('## Changes<br>\n- Fix `a &lt; b` &amp; more');
    expect(item.categories).toEqual(['rust', 'cli']);
    expect(item.fields).toMatchObject({
      'release.body': '## Changes\n- Fix `a < b` & more',
      'content.format': 'markdown',
    });
  });

  it('rejects a bad or missing signature with 401 and enqueues nothing', async () => {
    const bad = await deliver({ event: 'release', payload: releasePublished, secret: 'wrong' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toHaveProperty('error');
    const missing = await deliver({ event: 'release', payload: releasePublished, signature: null });
    expect(missing.statusCode).toBe(401);
    const tampered = await deliver({
      event: 'release',
      payload: JSON.stringify(releasePublished).replace('0.0.1', '9.9.9'),
      signature: sign(JSON.stringify(releasePublished)),
    });
    expect(tampered.statusCode).toBe(401);
    expect(await jobs()).toHaveLength(0);
  });

  it('accepts the second secret during a rotation', async () => {
    const response = await deliver({
      event: 'release',
      payload: releasePublished,
      secret: NEXT_SECRET,
    });
    expect(response.statusCode).toBe(202);
    expect(await jobs()).toHaveLength(1);
  });

  it('answers a redelivery of the same delivery id as a duplicate and enqueues nothing more', async () => {
    const id = randomUUID();
    expect((await deliver({ event: 'release', payload: releasePublished, id })).statusCode).toBe(
      202,
    );
    const again = await deliver({ event: 'release', payload: releasePublished, id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ duplicate: true });
    // A different delivery of the same release is deduplicated by the job id.
    expect((await deliver({ event: 'release', payload: releasePublished })).statusCode).toBe(202);
    expect(await jobs()).toHaveLength(1);
    expect(await redis.ttl(keys.webhookDelivery(id))).toBeGreaterThan(3 * 24 * 3600);
  });

  it('does not let a failed enqueue block the redelivery', async () => {
    const failing: FormatQueue = {
      add: async () => {
        throw new Error('Connection is closed.');
      },
    };
    const broken = await buildApp({ formatQueue: failing });
    const id = randomUUID();
    const first = await deliver({
      event: 'release',
      payload: releasePublished,
      id,
      target: broken,
    });
    expect(first.statusCode).toBe(503);
    expect(await redis.exists(keys.webhookDelivery(id))).toBe(0);
    const redelivery = await deliver({ event: 'release', payload: releasePublished, id });
    expect(redelivery.statusCode).toBe(202);
    expect(await jobs()).toHaveLength(1);
    await broken.close();
  });

  it('answers ping with 200 and the zen', async () => {
    const response = await deliver({ event: 'ping', payload: ping });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, zen: ping.zen });
  });

  it('rejects a form-encoded delivery with 415', async () => {
    const body = `payload=${encodeURIComponent(JSON.stringify(releasePublished))}`;
    const response = await deliver({
      event: 'release',
      payload: body,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toHaveProperty('error');
    expect(await jobs()).toHaveLength(0);
  });

  it('answers 400 when the event or delivery header is missing, or the body is not JSON', async () => {
    const noEvent = await deliver({
      event: 'release',
      payload: releasePublished,
      headers: { 'x-github-event': undefined },
    });
    expect(noEvent.statusCode).toBe(400);
    expect(noEvent.json()).toHaveProperty('error');
    const noDelivery = await deliver({
      event: 'release',
      payload: releasePublished,
      headers: { 'x-github-delivery': undefined },
    });
    expect(noDelivery.statusCode).toBe(400);
    const notJson = await deliver({ event: 'release', payload: '{"action": "published",' });
    expect(notJson.statusCode).toBe(400);
    expect(await jobs()).toHaveLength(0);
  });

  it('ignores unconfigured repositories, events and actions with 202 accepted:false', async () => {
    const other = structuredClone(releasePublished) as { repository: { full_name: string } };
    other.repository.full_name = 'someone/else';
    const cases: Array<[string, unknown]> = [
      ['release', other],
      ['release', example('release', (e) => e.action === 'created')],
      ['issues', example('issues', (e) => e.action === 'opened')],
      ['push', example('push', (e) => e.ref === 'refs/tags/simple-tag')],
    ];
    for (const [event, payload] of cases) {
      const response = await deliver({ event, payload });
      expect(response.statusCode, event).toBe(202);
      expect(response.json()).toMatchObject({ accepted: false, reason: expect.any(String) });
    }
    expect(await jobs()).toHaveLength(0);
  });

  it('maps a push to the default branch to one summary item', async () => {
    const response = await deliver({ event: 'push', payload: pushToMaster });
    expect(response.json()).toEqual({ accepted: true, items: 1 });
    const { item } = parseJob('format', (await jobs())[0]?.data);
    expect(item).toMatchObject({
      source: { kind: 'github', event: 'push' },
      title: '1 new commit on master',
      fields: { branch: 'master', 'push.commits': '1' },
    });
    expect(item.contentHtml).toContain('<li>Initial commit (<a href=');
  });

  it('accepts payloads over fastify’s default 1 MiB limit, up to its own limit', async () => {
    const payload = structuredClone(releasePublished) as { release: Record<string, unknown> };
    payload.release.body = 'x'.repeat(3 * 1024 * 1024);
    expect((await deliver({ event: 'release', payload })).statusCode).toBe(202);
    const small = await buildApp({ bodyLimit: 64 * 1024 });
    const tooLarge = await deliver({ event: 'release', payload, target: small });
    expect(tooLarge.statusCode).toBe(413);
    await small.close();
  });

  it('keeps its raw-body parser to itself', async () => {
    const host = Fastify();
    await host.register(async (scope) =>
      githubWebhookPlugin(scope, { config, formatQueue: queue, redis, keys, logger: silentLogger }),
    );
    host.post('/echo', async (request) => ({ parsed: typeof request.body }));
    const echo = await host.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(echo.json()).toEqual({ parsed: 'object' });
    expect((await deliver({ event: 'ping', payload: ping, target: host })).statusCode).toBe(200);
    await host.close();
  });

  it('answers 503 within two seconds when Redis is down', async () => {
    const closed = await startServer();
    const deadUrl = closed.origin.replace('http:', 'redis:');
    await closed.close();
    const deadRedis = createRedis(deadUrl, 'producer');
    deadRedis.on('error', () => {});
    const deadQueue = new Queue<FormatJob>(QUEUE_FORMAT, {
      connection: deadRedis,
      prefix: keys.bullPrefix,
    });
    deadQueue.on('error', () => {});
    const down = await buildApp({ redis: deadRedis, formatQueue: deadQueue });
    const started = Date.now();
    const response = await deliver({ event: 'release', payload: releasePublished, target: down });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toHaveProperty('error');
    expect(Date.now() - started).toBeLessThan(2_000);
    await down.close();
    deadRedis.disconnect();
    await deadQueue.close().catch(() => {});
  });

  it('answers 503 when the queue hangs, bounded by the enqueue timeout', async () => {
    const hanging: FormatQueue = { add: () => new Promise(() => {}) };
    const slow = await buildApp({ formatQueue: hanging, enqueueTimeoutMs: 200 });
    const started = Date.now();
    const response = await deliver({ event: 'release', payload: releasePublished, target: slow });
    expect(response.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    await slow.close();
  });

  it('refuses to start without a secret', async () => {
    const bare = Fastify();
    await expect(
      bare.register(githubWebhookPlugin, {
        config: testConfig({ accounts: {}, github: { repos: [] } }),
        formatQueue: queue,
        redis,
        keys,
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({ code: 'HERALD_GITHUB_NO_SECRET' });
  });
});
