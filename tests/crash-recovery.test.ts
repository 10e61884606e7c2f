// A publisher killed with SIGKILL mid-run and started again: nothing lost, nothing duplicated.
// Lock and stall timings are shortened through config.workers so recovery takes seconds.
import { createJsonLogger } from '@herald/core';
import { type RunningHerald, startHerald } from '@herald/pipeline';
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  deletePrefix,
  eventually,
  type FeedServer,
  REDIS_URL,
  type RssItem,
  rss,
  runHerald,
  startFeedServer,
  testConfig,
  uniquePrefix,
  writeConfigFile,
} from './_util.ts';

const ITEMS = 24;
const prefix = uniquePrefix('crash');
let sandbox: Sandbox;
let feed: FeedServer;
let intake: RunningHerald;
/** The sandbox's request log, shown when the test fails. */
const requests: string[] = [];

const items: RssItem[] = Array.from({ length: ITEMS }, (_, i) => ({
  guid: `item-${i}`,
  title: `Post number ${i}`,
  link: `https://blog.example.org/posts/${i}`,
  date: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
}));

function configInput() {
  return {
    server: { host: '127.0.0.1', port: 0 },
    redis: { url: REDIS_URL, prefix },
    accounts: { main: { instance: sandbox.url, token: 'token-main' } },
    feeds: [{ id: 'blog', url: feed.url, every: '1h', backfill: ITEMS, to: ['main'] }],
    workers: { lockDuration: '1s', stalledInterval: '500ms', backoff: '200ms' },
  };
}

beforeAll(async () => {
  // A tight rate limit keeps the publisher busy for seconds, so the kill lands mid-run.
  sandbox = await startSandbox({
    tokens: ['token-main'],
    rateLimit: { max: 4, windowMs: 1_000 },
    log: (line) => requests.push(line),
  });
  feed = await startFeedServer(rss(items));
});

afterAll(async () => {
  await intake?.close();
  await sandbox?.close();
  await feed?.close();
  await deletePrefix(prefix);
});

it('loses nothing and duplicates nothing when the publisher is SIGKILLed and restarted', async () => {
  const configFile = writeConfigFile(configInput());
  const first = runHerald(['start', '--role', 'publisher', '--config', configFile]);
  await first.waitFor(/herald started/);

  // The poller and formatter run here; the publisher runs in the child.
  intake = await startHerald(testConfig(configInput()), {
    roles: ['poller', 'formatter'],
    logger: createJsonLogger(() => {}),
  });

  await eventually(() => sandbox.statuses().length >= 3, 20_000, 20);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = sandbox.statuses().length;
  expect(atKill).toBeLessThan(ITEMS);

  const second = runHerald(['start', '--role', 'publisher', '--config', configFile]);
  try {
    await eventually(() => sandbox.statuses().length >= ITEMS, 45_000, 100).catch((error) => {
      const log = second.stderr().split('\n').slice(-20).join('\n');
      const seen = requests.slice(-20).join('\n');
      throw new Error(
        `${error.message}: ${sandbox.statuses().length}/${ITEMS} posted (${atKill} at the kill)\n` +
          `publisher log:\n${log}\nlast requests to the sandbox:\n${seen}`,
      );
    });
    // Give a stalled job time to be (wrongly) run again before counting.
    await new Promise((r) => setTimeout(r, 2_500));
    const texts = sandbox.statuses().map((s) => s.text);
    expect(texts).toHaveLength(ITEMS);
    expect(new Set(texts).size).toBe(ITEMS);
    for (const item of items) expect(texts).toContain(`${item.title}\n\n${item.link}`);
  } finally {
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }
}, 90_000);
