// Shutdown stays within its deadline even when a job hangs: the poll worker's active job (a feed
// that never answers) is aborted once the drain time is up, instead of holding the process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJsonLogger } from '@herald/core';
import { startHerald } from '@herald/pipeline';
import { afterAll, expect, it } from 'vitest';
import { deletePrefix, eventually, REDIS_URL, testConfig, uniquePrefix } from './_util.ts';

const prefix = uniquePrefix('shutdown');
let requests = 0;
const hanging = createServer(() => {
  requests++; // never answers
});

afterAll(async () => {
  hanging.closeAllConnections();
  await new Promise((done) => hanging.close(done));
  await deletePrefix(prefix);
});

it('close() returns by the drain deadline while a poll job is stuck on a silent feed', async () => {
  await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
  const { port } = hanging.address() as AddressInfo;
  const lines: string[] = [];
  const herald = await startHerald(
    testConfig({
      redis: { url: REDIS_URL, prefix },
      accounts: { test: { dryRun: true } },
      feeds: [
        { id: 'silent', url: `http://127.0.0.1:${port}/feed.xml`, every: '1h', to: ['test'] },
      ],
    }),
    { roles: ['poller'], logger: createJsonLogger((line) => lines.push(line)), drainMs: 500 },
  );
  await eventually(() => requests > 0);

  const started = Date.now();
  await herald.close();
  // The feed fetch would otherwise hold the worker for its 20 s headers timeout.
  expect(Date.now() - started).toBeLessThan(3_000);
});
