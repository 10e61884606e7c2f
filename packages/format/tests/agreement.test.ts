// Agreement between two independent implementations of Mastodon's length rules: Herald's
// counter (`countStatus`) and the sandbox's, over a seeded corpus; then every fitted output of
// a sample is posted to the sandbox, which must accept it.
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatus, type FittedPart, fitToLimit, type Segment } from '../src/index.ts';
import { type CorpusItem, generateCorpus, seededRandom } from './agreement-corpus.ts';

const TOKEN = 't';
const CORPUS_SIZE = 3200;
const CONCURRENCY = 16;

async function postJson(url: string, body: unknown, token?: string) {
  const response = await request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    body: (await response.body.json()) as Record<string, unknown>,
  };
}

/** Runs `task` over `items` with at most CONCURRENCY in flight, keeping order. */
async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const show = (value: string) =>
  JSON.stringify(value.length > 160 ? `${value.slice(0, 160)}…` : value);

describe('agreement with the sandbox (an independent counter)', () => {
  const sandboxes = new Map<number, Sandbox>();
  const LIMITS = [100, 280, 500];

  beforeAll(async () => {
    for (const maxCharacters of LIMITS) {
      sandboxes.set(
        maxCharacters,
        await startSandbox({
          port: 0,
          tokens: [TOKEN],
          maxCharacters,
          urlChars: 23,
          rateLimit: 'off',
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
  });

  it(`counts all ${CORPUS_SIZE} corpus texts exactly as the sandbox does`, async () => {
    const corpus = generateCorpus(CORPUS_SIZE, 20240521);
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
    const sandbox = sandboxes.get(500)!;
    const theirs = await inBatches(corpus, async (item) => {
      const response = await postJson(`${sandbox.url}/__sandbox/count`, {
        status: item.status,
        spoiler_text: item.spoilerText,
      });
      expect(response.status).toBe(200);
      return response.body.length as number;
    });
    const disagreements = corpus
      .map((item, i) => ({
        item,
        ours: countStatus(item.status, item.spoilerText, 23),
        theirs: theirs[i],
      }))
      .filter(({ ours, theirs }) => ours !== theirs)
      .map(
        ({ item, ours, theirs }) =>
          `ours ${ours} sandbox ${theirs}: ${show(item.status)} cw ${show(item.spoilerText)}`,
      );
    expect(disagreements, disagreements.slice(0, 25).join('\n')).toEqual([]);
  });

  it('has every fitted status of a sample accepted (200) by the sandbox', async () => {
    const corpus = generateCorpus(CORPUS_SIZE, 77);
    const random = seededRandom(5);
    // Long inputs: several corpus texts run together, some with a link and hashtags.
    const samples: CorpusItem[] = Array.from({ length: 40 }, (_, i) => ({
      status: Array.from(
        { length: 4 + (i % 9) },
        () => corpus[Math.floor(random() * corpus.length)]!.status,
      ).join(' '),
      spoilerText: i % 4 === 0 ? corpus[i]!.spoilerText.slice(0, 40) : '',
    }));

    const posts: { limit: number; part: FittedPart }[] = [];
    let refused = 0;
    for (const limit of LIMITS) {
      for (const overflow of ['truncate', 'thread'] as const) {
        for (const [i, sample] of samples.entries()) {
          const segments: Segment[] = [{ text: sample.status, shrink: true, kind: 'body' }];
          if (i % 2 === 0) {
            segments.push(
              { text: '\n\n', shrink: false, kind: 'literal' },
              { text: `https://example.com/items/${i}`, shrink: false, kind: 'link' },
              { text: '\n\n', shrink: false, kind: 'literal' },
              { text: '#herald #test', shrink: false, kind: 'hashtags' },
            );
          }
          try {
            const parts = fitToLimit({
              segments,
              spoilerText: sample.spoilerText,
              overflow,
              limits: { maxCharacters: limit, urlChars: 23, maxMedia: 4 },
            });
            for (const part of parts) posts.push({ limit, part });
          } catch {
            refused++; // an unfittable sample (e.g. an unbreakable token); counted below
          }
        }
      }
    }
    expect(posts.length).toBeGreaterThan(400);
    expect(refused).toBeLessThan(posts.length / 10);

    const failures = (
      await inBatches(posts, async ({ limit, part }) => {
        const sandbox = sandboxes.get(limit)!;
        const body = { status: part.text, spoiler_text: part.spoilerText };
        const counted = await postJson(`${sandbox.url}/__sandbox/count`, body);
        if (counted.body.length !== part.length) {
          return `limit ${limit}: length ${part.length}, sandbox counts ${counted.body.length} for ${show(part.text)}`;
        }
        const response = await postJson(
          `${sandbox.url}/api/v1/statuses`,
          { ...body, visibility: 'unlisted' },
          TOKEN,
        );
        return response.status === 200
          ? undefined
          : `limit ${limit}, length ${part.length}: ${response.status} ${JSON.stringify(response.body)} for ${show(part.text)}`;
      })
    ).filter((failure) => failure !== undefined);
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
  });
});
