// Two publisher replicas (compose `--scale publisher=2`) on one account: two publish jobs of
// the same item — a re-planned item, say, whose parts and so job id changed — must not both
// find the ledger empty and post twice. The later job edits the status the earlier one posted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJsonLogger, publishQueueName } from '@herald/core';
import { type RunningHerald, startHerald } from '@herald/pipeline';
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deletePrefix, eventually, REDIS_URL, testConfig, uniquePrefix } from './_util.ts';

const ITEMS = 4;
const prefix = uniquePrefix('replicas');
let sandbox: Sandbox;
let slow: Server;
const replicas: RunningHerald[] = [];

/** The sandbox behind a proxy that answers status posts 150 ms late, as a busy instance does. */
async function slowPosts(target: string): Promise<string> {
  slow = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url === '/api/v1/statuses') {
      await new Promise((r) => setTimeout(r, 150));
    }
    const headers = Object.entries(req.headers).filter(
      (h): h is [string, string] => typeof h[1] === 'string' && h[0] !== 'host',
    );
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((done) => slow.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  sandbox = await startSandbox({ tokens: ['token-main'] });
  const config = testConfig({
    server: { host: '127.0.0.1', port: 0 },
    redis: { url: REDIS_URL, prefix },
    accounts: { main: { instance: await slowPosts(sandbox.url), token: 'token-main' } },
    workers: { backoff: '200ms' },
  });
  for (let i = 0; i < 2; i++) {
    replicas.push(
      await startHerald(config, { roles: ['publisher'], logger: createJsonLogger(() => {}) }),
    );
  }
});

afterAll(async () => {
  for (const replica of replicas) await replica.close();
  slow?.closeAllConnections();
  await new Promise((done) => (slow ? slow.close(done) : done(undefined)));
  await sandbox?.close();
  await deletePrefix(prefix);
});

const plan = (item: number, text: string) => ({
  plan: {
    account: 'main',
    itemKey: `feed:blog:item-${item}`,
    route: 'feed:blog>main',
    parts: [{ index: 0, text, spoilerText: '', visibility: 'public', sensitive: false, media: [] }],
  },
});

it('posts each item once across replicas; the second plan edits the first one’s status', async () => {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(publishQueueName('main'), {
    connection,
    prefix: replicas[0]!.keys.bullPrefix,
  });
  try {
    const jobs = Array.from({ length: ITEMS }, (_, i) => [
      { name: 'publish', data: plan(i, `Item ${i}, first plan`), opts: { jobId: `publish-${i}a` } },
      {
        name: 'publish',
        data: plan(i, `Item ${i}, second plan`),
        opts: { jobId: `publish-${i}b` },
      },
    ]).flat();
    // One add at a time: each wakes a blocked worker, so both replicas take jobs at once.
    for (const job of jobs) await queue.add(job.name, job.data, job.opts);
    await eventually(async () => (await queue.getCompletedCount()) === jobs.length);
  } finally {
    await queue.close();
    connection.disconnect();
  }
  const statuses = sandbox.statuses();
  expect(statuses).toHaveLength(ITEMS);
  expect(statuses.map((s) => s.text).sort()).toEqual(
    Array.from({ length: ITEMS }, (_, i) => `Item ${i}, second plan`),
  );
});
