// A 422 "character limit" from the instance (a fork that counts differently, or a limit that
// changed since it was cached) makes the publisher ask the formatter for one re-fit with a
// margin; the item is then posted, not lost.
import {
  createJsonLogger,
  createKeys,
  createRedis,
  jobId,
  QUEUE_FORMAT,
  type SourceItem,
} from '@herald/core';
import { countStatus } from '@herald/format';
import {
  createInstanceLimitsCache,
  createMastodonClient,
  MASTODON_DEFAULT_LIMITS,
} from '@herald/mastodon';
import { type RunningHerald, startHerald } from '@herald/pipeline';
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deletePrefix, eventually, REDIS_URL, testConfig, uniquePrefix } from './_util.ts';

const prefix = uniquePrefix('refit');
const keys = createKeys(prefix);
const redis = createRedis(REDIS_URL, 'worker');
const logs: string[] = [];
let sandbox: Sandbox;
let herald: RunningHerald;

const item: SourceItem = {
  source: { kind: 'feed', feedId: 'blog' },
  itemKey: 'feed:blog:long-post',
  url: 'https://blog.example.org/a-long-post',
  title: 'A long post',
  summaryHtml: `<p>${'This sentence is here to make the post longer than the instance allows. '.repeat(5)}</p>`,
  categories: [],
  media: [],
};

beforeAll(async () => {
  sandbox = await startSandbox({ tokens: ['t'], maxCharacters: 120 });
  let fetches = 0;
  const limitsCache = createInstanceLimitsCache({
    redis,
    keys,
    // The first answer is stale (500, as cached before the instance changed its limit).
    fetchLimits: async (instance) => {
      fetches += 1;
      if (fetches === 1) return MASTODON_DEFAULT_LIMITS;
      const client = createMastodonClient({ instance });
      try {
        return (await client.instanceLimits()).data;
      } finally {
        await client.close();
      }
    },
  });
  const config = testConfig({
    redis: { url: REDIS_URL, prefix },
    accounts: { main: { instance: sandbox.url, token: 't' } },
    feeds: [
      {
        id: 'blog',
        url: 'https://blog.example.org/feed.xml',
        template: '{title}\n\n{summary}\n\n{link}',
        to: ['main'],
      },
    ],
    workers: { backoff: '100ms' },
  });
  herald = await startHerald(config, {
    roles: ['formatter', 'publisher'],
    logger: createJsonLogger((line) => logs.push(line)),
    overrides: { limitsCache },
  });
});

afterAll(async () => {
  await herald?.close();
  await sandbox?.close();
  redis.disconnect();
  await deletePrefix(prefix);
});

it('re-fits once after a 422 and posts a status within the real limit', async () => {
  const format = new Queue(QUEUE_FORMAT, { connection: redis, prefix: keys.bullPrefix });
  await format.add('format', { item }, { jobId: jobId('format', 'feed:blog', item.itemKey) });
  await format.close();

  const status = await eventually(() => sandbox.statuses()[0], 15_000);
  expect(logs.some((l) => l.includes('re-fitting a post the server found too long'))).toBe(true);
  expect(countStatus(status.text, status.spoiler_text, 23)).toBeLessThanOrEqual(120 - 10);
  expect(status.text.startsWith('A long post\n\nThis sentence')).toBe(true);
  expect(status.text).toContain('…');
  expect(status.text.endsWith('\n\nhttps://blog.example.org/a-long-post')).toBe(true);
  expect(sandbox.statuses()).toHaveLength(1);
});
