// The walking skeleton end to end: real Redis, the sandbox as Mastodon, a loopback feed,
// Herald's roles in this process. Each test file has its own key prefix.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { createJsonLogger, QUEUE_FORMAT } from '@herald/core';
import { type RunningHerald, startHerald } from '@herald/pipeline';
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deletePrefix,
  eventually,
  type FeedServer,
  REDIS_URL,
  rss,
  startFeedServer,
  testConfig,
  uniquePrefix,
} from './_util.ts';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: { action?: string; release?: { name: string | null } }[];
}[];
const releasePublished = examples
  .find((e) => e.name === 'release')!
  .examples.find((e) => e.action === 'published' && e.release?.name === null)!;

const SECRET = 'It’s a secret to everybody';
const prefix = uniquePrefix('pipeline');
const logLines: string[] = [];
let sandbox: Sandbox;
let feed: FeedServer;
let herald: RunningHerald;

const first = {
  guid: 'post-1',
  title: 'Old post',
  link: 'https://blog.example.org/old',
  date: '2026-11-01',
};
const launch = {
  guid: 'post-2',
  title: 'Launch day &amp; more',
  link: 'https://blog.example.org/launch?utm_source=rss&amp;id=7',
  date: '2026-12-01',
  categories: ['Open Source'],
};

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function deliver(body: string, signature: string, delivery: string) {
  return fetch(`${herald.webUrl}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'release',
      'x-github-delivery': delivery,
      'x-hub-signature-256': signature,
    },
    body,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ tokens: ['token-main'] });
  feed = await startFeedServer(rss([first]));
  const config = testConfig({
    server: { host: '127.0.0.1', port: 0 },
    redis: { url: REDIS_URL, prefix },
    accounts: { main: { instance: sandbox.url, token: 'token-main' } },
    feeds: [{ id: 'blog', url: feed.url, every: '1s', to: ['main'] }],
    github: {
      secret: SECRET,
      repos: [{ repo: 'Codertocat/Hello-World', events: ['release'], to: ['main'] }],
    },
    workers: { backoff: '200ms' },
  });
  herald = await startHerald(config, {
    roles: ['web', 'poller', 'formatter', 'publisher'],
    logger: createJsonLogger((line) => logLines.push(line)),
  });
});

afterAll(async () => {
  await herald?.close();
  await sandbox?.close();
  await feed?.close();
  await deletePrefix(prefix);
});

describe('feed → status', () => {
  it('posts nothing for the baseline, then exactly one status when the feed gains an item', async () => {
    await eventually(() => feed.requests >= 2);
    expect(sandbox.statuses()).toHaveLength(0);

    feed.set(rss([launch, first]));
    const status = await eventually(() =>
      sandbox.statuses().find((s) => s.text.startsWith('Launch day')),
    );
    expect(status?.text).toBe(
      'Launch day & more\n\nhttps://blog.example.org/launch?id=7\n\n#OpenSource',
    );

    // Polled many more times: still one status for the item.
    const seen = feed.requests;
    await eventually(() => feed.requests >= seen + 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(sandbox.statuses().filter((s) => s.text.startsWith('Launch day'))).toHaveLength(1);
  });
});

describe('GitHub webhook → status', () => {
  it('rejects a bad signature with 401 and enqueues nothing', async () => {
    const body = JSON.stringify(releasePublished);
    const connection = new Redis(REDIS_URL);
    const format = new Queue(QUEUE_FORMAT, { connection, prefix: herald.keys.bullPrefix });
    const before = await format.getJobCountByTypes(
      'waiting',
      'active',
      'completed',
      'failed',
      'delayed',
    );
    const response = await deliver(body, sign(body, 'not the secret'), 'delivery-bad');
    expect(response.status).toBe(401);
    expect(
      await format.getJobCountByTypes('waiting', 'active', 'completed', 'failed', 'delayed'),
    ).toBe(before);
    await format.close();
    connection.disconnect();
  });

  it('posts exactly one status for a signed release.published, even when delivered twice', async () => {
    const body = JSON.stringify(releasePublished);
    const response = await deliver(body, sign(body), 'delivery-1');
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: true });
    const redelivered = await deliver(body, sign(body), 'delivery-1');
    expect(redelivered.status).toBe(200);

    const status = await eventually(() =>
      sandbox.statuses().find((s) => s.text.includes('Codertocat/Hello-World')),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(
      sandbox.statuses().filter((s) => s.text.includes('Codertocat/Hello-World')),
    ).toHaveLength(1);
    expect(status?.text).toBe(
      'Codertocat/Hello-World 0.0.1 released\n\nhttps://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
    );
  });
});
