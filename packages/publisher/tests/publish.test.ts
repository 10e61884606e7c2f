import { randomBytes } from 'node:crypto';
import { createKeys, HeraldError, type PostPart, type PostPlan } from '@herald/core';
import {
  createInstanceLimitsCache,
  createMastodonClient,
  MASTODON_DEFAULT_LIMITS,
  type MastodonClient,
} from '@herald/mastodon';
import { startSandbox } from '@herald/sandbox';
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  contentHash,
  createLedger,
  createMediaFetcher,
  createPacer,
  createPublishProcessor,
  type PublishDeps,
  type PublishOptions,
} from '../src/index.ts';
import {
  captureLogger,
  type Fault,
  MP4,
  PNG,
  type ProxiedRequest,
  startFaultProxy,
  startServer,
} from './_util.ts';

const redis = new Redis('redis://127.0.0.1:6379');
const keys = createKeys(`test-publish-${randomBytes(4).toString('hex')}`);
const cleanups: (() => Promise<unknown>)[] = [];
let accounts = 0;

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(async () => {
  const mine = await redis.keys(keys.custom('*'));
  if (mine.length > 0) await redis.del(...mine);
  await redis.quit();
});

function planFor(account: string, parts: Partial<PostPart>[], itemKey = 'feed:blog:1'): PostPlan {
  return {
    account,
    itemKey,
    route: `feed:blog→${account}`,
    parts: parts.map((part, index) => ({
      index,
      text: `Part ${index} of the news https://example.org/news/1`,
      spoilerText: '',
      visibility: 'public',
      sensitive: false,
      media: [],
      ...(index > 0 ? { replyToIndex: index - 1 } : {}),
      ...part,
    })),
  };
}

function jobOf(plan: PostPlan) {
  const job = {
    id: 'publish-test',
    data: { plan } as unknown,
    async updateData(data: unknown) {
      job.data = data;
    },
  };
  return job;
}

interface SetupOptions {
  sandbox?: Parameters<typeof startSandbox>[0];
  fault?: (req: ProxiedRequest) => Fault;
  deps?: Partial<PublishDeps>;
  options?: Partial<PublishOptions>;
}

async function setup({ sandbox: sandboxOptions, fault, deps, options }: SetupOptions = {}) {
  const sandbox = await startSandbox({
    port: 0,
    tokens: ['t1'],
    rateLimit: 'off',
    ...sandboxOptions,
  });
  cleanups.push(() => sandbox.close());
  const proxy = fault ? await startFaultProxy(sandbox.url, fault) : undefined;
  if (proxy) cleanups.push(proxy.close);
  const instance = proxy?.url ?? sandbox.url;
  const client = createMastodonClient({
    instance,
    token: 't1',
    pacer: createPacer(),
    upload: { pollIntervalMs: 20, maxPollIntervalMs: 50 },
  });
  const media = createMediaFetcher({ allowPrivate: true });
  cleanups.push(client.close, media.close);
  const limitsCache = createInstanceLimitsCache({
    redis,
    keys,
    fetchLimits: async (url) => {
      const anonymous: MastodonClient = createMastodonClient({ instance: url });
      try {
        return (await anonymous.instanceLimits()).data;
      } finally {
        await anonymous.close();
      }
    },
  });
  const account = `acct${++accounts}`;
  const log = captureLogger();
  const process = createPublishProcessor(
    {
      redis,
      keys,
      logger: log.logger,
      client,
      limits: () => limitsCache.get({ instance }),
      media,
      ...deps,
    },
    { account, ...options },
  );
  const ledger = createLedger({ redis, keys }, { account });
  return { sandbox, proxy, client, account, process, ledger, log };
}

const stored = (sandbox: Awaited<ReturnType<typeof startSandbox>>) => sandbox.statuses();

describe('publishing a plan', () => {
  it('posts exactly one status, keyed by the content hash, and records it', async () => {
    const { sandbox, account, process, ledger } = await setup();
    const plan = planFor(account, [{ language: 'en', visibility: 'unlisted' }]);
    const result = await process(jobOf(plan));
    const statuses = stored(sandbox);
    expect(statuses).toHaveLength(1);
    const hash = contentHash(account, plan.parts[0]!, plan);
    expect(statuses[0]).toMatchObject({
      text: plan.parts[0]!.text,
      visibility: 'unlisted',
      idempotency_key: hash,
    });
    expect(result.parts).toEqual([{ index: 0, statusId: statuses[0]!.id, action: 'posted' }]);
    expect(await ledger.get(plan.itemKey, 0)).toMatchObject({
      statusId: statuses[0]!.id,
      contentHash: hash,
    });
  });

  it('posts nothing new when the same job runs twice', async () => {
    const { sandbox, account, process } = await setup();
    const plan = planFor(account, [{}, {}]);
    await process(jobOf(plan));
    const again = await process(jobOf(plan));
    expect(stored(sandbox)).toHaveLength(2);
    expect(again.parts.map((p) => p.action)).toEqual(['skipped', 'skipped']);
  });

  it('edits the status when the text changed, instead of posting again', async () => {
    const { sandbox, account, process, ledger } = await setup();
    const plan = planFor(account, [{ text: 'First version' }]);
    await process(jobOf(plan));
    const changed = planFor(account, [
      { text: 'Second version, corrected', spoilerText: 'Update' },
    ]);
    const result = await process(jobOf(changed));
    const statuses = stored(sandbox);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({
      text: 'Second version, corrected',
      spoiler_text: 'Update',
    });
    expect(result.parts[0]?.action).toBe('edited');
    expect((await ledger.get(plan.itemKey, 0))?.contentHash).toBe(
      contentHash(account, changed.parts[0]!, changed),
    );
  });

  it('chains thread parts with in_reply_to_id', async () => {
    const { sandbox, account, process } = await setup();
    await process(jobOf(planFor(account, [{}, {}, {}])));
    const [first, second, third] = stored(sandbox);
    expect(first?.in_reply_to_id).toBeNull();
    expect(second?.in_reply_to_id).toBe(first?.id);
    expect(third?.in_reply_to_id).toBe(second?.id);
  });

  it('resumes a thread after the parts that already succeeded', async () => {
    let posts = 0;
    const { sandbox, account, process } = await setup({
      fault: (req) => {
        if (req.method !== 'POST' || req.path !== '/api/v1/statuses') return 'pass';
        posts += 1;
        return posts === 2 ? { status: 503, body: { error: 'Service Unavailable' } } : 'pass';
      },
    });
    const plan = planFor(account, [{}, {}, {}]);
    const job = jobOf(plan);
    await expect(process(job)).rejects.toMatchObject({ kind: 'transient' });
    expect(stored(sandbox)).toHaveLength(1);
    const result = await process(job);
    expect(result.parts.map((p) => p.action)).toEqual(['skipped', 'posted', 'posted']);
    const statuses = stored(sandbox);
    expect(statuses).toHaveLength(3);
    expect(statuses[1]?.in_reply_to_id).toBe(statuses[0]?.id);
  });
});

describe('ambiguous outcomes', () => {
  it('reconciles against the account’s statuses instead of posting twice (repeat-500)', async () => {
    let posts = 0;
    const { sandbox, proxy, account, process, ledger } = await setup({
      sandbox: { idempotency: 'repeat-500' },
      fault: (req) => {
        if (req.method !== 'POST' || req.path !== '/api/v1/statuses') return 'pass';
        posts += 1;
        return posts === 1 ? 'drop-answer' : 'pass';
      },
    });
    const plan = planFor(account, [{ text: 'Posted, but the answer was lost' }]);
    const job = jobOf(plan);
    await expect(process(job)).rejects.toMatchObject({ code: 'HERALD_MASTODON_AMBIGUOUS' });
    expect(stored(sandbox)).toHaveLength(1);

    const result = await process(job);
    expect(result.parts[0]?.action).toBe('reconciled');
    expect(stored(sandbox)).toHaveLength(1);
    expect(posts).toBe(1); // reconciled without sending the post again
    expect(proxy?.seen.some((r) => r.path.includes('/source'))).toBe(true);
    expect((await ledger.get(plan.itemKey, 0))?.statusId).toBe(stored(sandbox)[0]?.id);
  });

  it('posts again when reconciling finds nothing (the post never arrived)', async () => {
    let posts = 0;
    const { sandbox, account, process } = await setup({
      sandbox: { idempotency: 'repeat-500' },
      fault: (req) => {
        if (req.method !== 'POST' || req.path !== '/api/v1/statuses') return 'pass';
        posts += 1;
        return posts === 1 ? { status: 502, body: { error: 'Bad Gateway' } } : 'pass';
      },
    });
    const job = jobOf(planFor(account, [{}]));
    await expect(process(job)).rejects.toMatchObject({ code: 'HERALD_MASTODON_AMBIGUOUS' });
    const result = await process(job);
    expect(result.parts[0]?.action).toBe('posted');
    expect(stored(sandbox)).toHaveLength(1);
  });
});

describe('too long for the server', () => {
  it('re-fits once with a margin and posts the re-fitted plan', async () => {
    const margins: number[] = [];
    const { sandbox, account, process } = await setup({
      sandbox: { maxCharacters: 40 },
      deps: {
        refit: async (plan, margin) => {
          margins.push(margin);
          return {
            ...plan,
            parts: plan.parts.map((p) => ({ ...p, text: `${p.text.slice(0, 40 - margin - 1)}…` })),
          };
        },
      },
    });
    const job = jobOf(planFor(account, [{ text: 'x'.repeat(60) }]));
    await process(job);
    expect(margins).toEqual([10]);
    expect(stored(sandbox)[0]?.text).toBe(`${'x'.repeat(29)}…`);
    expect((job.data as { refit?: number }).refit).toBe(1);
  });

  it('fails permanently with the server’s message when the re-fit is still too long', async () => {
    const { sandbox, account, process } = await setup({
      sandbox: { maxCharacters: 40 },
      deps: { refit: async (plan) => plan },
    });
    const error = await process(jobOf(planFor(account, [{ text: 'y'.repeat(60) }]))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toMatch(/HERALD_MASTODON_TOO_LONG.*character limit of 40/);
    expect(stored(sandbox)).toHaveLength(0);
  });
});

describe('media', () => {
  async function mediaServer() {
    const server = await startServer((req, res) => {
      const type = req.url === '/clip.mp4' ? 'video/mp4' : 'image/png';
      res.writeHead(200, { 'content-type': type });
      res.end(req.url === '/clip.mp4' ? MP4 : PNG);
    });
    cleanups.push(server.close);
    return server;
  }

  it('uploads an image (sync) with its alt text, then attaches it', async () => {
    const files = await mediaServer();
    const { sandbox, client, account, process, ledger } = await setup();
    const plan = planFor(account, [
      { media: [{ url: `${files.url}/chart.png`, alt: 'A rising chart' }] },
    ]);
    await process(jobOf(plan));
    const [status] = stored(sandbox);
    expect(status?.media_ids).toHaveLength(1);
    const posted = (await client.getStatus(status!.id)).data;
    expect(posted.media_attachments).toMatchObject([
      { id: status!.media_ids[0], type: 'image', description: 'A rising chart' },
    ]);
    expect((await ledger.get(plan.itemKey, 0))?.media).toEqual([
      { url: `${files.url}/chart.png`, alt: 'A rising chart', id: status!.media_ids[0] },
    ]);
  });

  it('waits for a video to finish processing (async 202) before posting', async () => {
    const files = await mediaServer();
    const { sandbox, proxy, account, process } = await setup({
      sandbox: { mediaDelayMs: 300 },
      fault: () => 'pass',
    });
    await process(
      jobOf(planFor(account, [{ media: [{ url: `${files.url}/clip.mp4`, alt: 'Clip' }] }])),
    );
    expect(stored(sandbox)[0]?.media_ids).toHaveLength(1);
    const polls = proxy!.seen.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/media/'),
    );
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.at(-1)?.status).toBe(200);
  });

  it('keeps unchanged media when only the text is edited', async () => {
    const files = await mediaServer();
    const { sandbox, account, process } = await setup();
    const media = [{ url: `${files.url}/chart.png`, alt: 'Chart' }];
    await process(jobOf(planFor(account, [{ text: 'One', media }])));
    const before = stored(sandbox)[0]!.media_ids;
    await process(jobOf(planFor(account, [{ text: 'Two', media }])));
    expect(stored(sandbox)[0]).toMatchObject({ text: 'Two', media_ids: before });
  });
});

describe('dry run', () => {
  it('logs the post it would make, writes only under keys.dryRun, posts nothing', async () => {
    const { sandbox, account } = await setup();
    const log = captureLogger();
    const limits = async () => MASTODON_DEFAULT_LIMITS;
    const media = async () => {
      throw new Error('a dry run fetches no media');
    };
    const process = createPublishProcessor(
      { redis, keys, logger: log.logger, limits, media: { fetch: media } },
      { account, dryRun: true },
    );
    const plan = planFor(account, [
      { spoilerText: 'CW', media: [{ url: 'https://example.org/a.png', alt: 'A' }] },
      {},
    ]);
    const result = await process(jobOf(plan));
    expect(result.dryRun).toBe(true);
    expect(stored(sandbox)).toHaveLength(0);
    expect(await redis.exists(keys.ledger(account))).toBe(0);
    expect(await redis.hlen(keys.dryRun(account))).toBe(2);
    const wouldPost = log.lines.filter((l) => l.message === 'dry run: would post');
    expect(wouldPost).toHaveLength(2);
    expect(wouldPost[0]?.fields).toMatchObject({
      account,
      itemKey: plan.itemKey,
      part: 0,
      text: plan.parts[0]!.text,
      spoilerText: 'CW',
      visibility: 'public',
      media: [{ url: 'https://example.org/a.png', alt: 'A' }],
      // As the server counts: "CW" (2) + "Part 0 of the news " (19) + the URL (23).
      length: 44,
      limit: 500,
    });
    await process(jobOf(plan));
    expect(log.lines.filter((l) => l.message.startsWith('dry run'))).toHaveLength(2);
  });
});

describe('job data', () => {
  it('rejects malformed job data permanently', async () => {
    const { account, process } = await setup();
    const error = await process({
      id: 'x',
      data: { plan: { account } },
      updateData: async () => {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toMatch(/HERALD_BAD_JOB_DATA/);
  });

  it('refuses a plan for another account', async () => {
    const { process } = await setup();
    const error = await process(jobOf(planFor('someone-else', [{}]))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/HERALD_PUBLISH_WRONG_ACCOUNT/);
    expect(error).not.toBeInstanceOf(HeraldError);
  });
});
