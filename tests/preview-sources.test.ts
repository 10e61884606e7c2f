// `herald preview --feed` and `--github`: the formatter's planner on each route, from a real
// loopback feed and a real GitHub payload, writing nothing.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../apps/herald/src/cli.ts';
import type { CommandIo } from '../apps/herald/src/command.ts';
import { previewCommand } from '../apps/herald/src/commands/preview.ts';
import { type FeedServer, rss, startFeedServer, writeConfigFile } from './_util.ts';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: { action?: string; release?: { name: string | null } }[];
}[];
const releases = examples.find((e) => e.name === 'release')!.examples;

let feed: FeedServer;
let configFile: string;

async function preview(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    cwd: dirname(configFile),
    signal: new AbortController().signal,
  };
  const code = await runCli(['preview', ...argv], io, [previewCommand]);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  feed = await startFeedServer(
    rss([
      {
        guid: 'a',
        title: 'Newest &amp; best',
        link: 'https://blog.example.org/a?utm_source=rss',
        date: '2026-12-02',
        categories: ['Open Source'],
        html: '<p>Hello <b>world</b></p>',
      },
      {
        guid: 'b',
        title: 'Sponsored: buy now',
        link: 'https://blog.example.org/b',
        date: '2026-12-01',
      },
      { guid: 'c', title: 'Oldest', link: 'https://blog.example.org/c', date: '2026-11-01' },
    ]),
  );
  configFile = writeConfigFile({
    accounts: { demo: { dryRun: true }, strict: { dryRun: true } },
    feeds: [
      {
        id: 'blog',
        url: feed.url,
        to: ['demo', { account: 'strict', filters: { exclude: { keywords: ['sponsored'] } } }],
      },
    ],
    github: {
      secret: 's',
      repos: [{ repo: 'Codertocat/Hello-World', events: ['release'], to: ['demo'] }],
    },
  });
  writeFileSync(
    join(dirname(configFile), 'published.json'),
    JSON.stringify(releases.find((e) => e.action === 'published')),
  );
  writeFileSync(
    join(dirname(configFile), 'deleted.json'),
    JSON.stringify(releases.find((e) => e.action === 'deleted')),
  );
});

afterAll(async () => {
  await feed?.close();
});

describe('preview --feed', () => {
  it('shows the newest items on every route as JSON, with counts and rules', async () => {
    const { code, stdout } = await preview(
      '--feed',
      'blog',
      '--config',
      configFile,
      '--items',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    const { items } = JSON.parse(stdout);
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      'Newest & best',
      'Sponsored: buy now',
    ]);
    const [demo, strict] = items[0].routes;
    expect(demo).toMatchObject({
      route: 'feed:blog→demo',
      account: 'demo',
      limit: 500,
      urlChars: 23,
      status: 'post',
    });
    expect(demo.parts[0].text).toBe('Newest & best\n\nhttps://blog.example.org/a\n\n#OpenSource');
    expect(demo.parts[0].length).toBe('Newest & best\n\n'.length + 23 + '\n\n#OpenSource'.length);
    expect(demo.notes).toContain('link: 1 tracking parameter(s) removed');
    expect(strict.status).toBe('post');
    expect(items[1].routes[1]).toMatchObject({ account: 'strict', status: 'filtered' });
  });

  it('prints each part with its count against the limit, and the filter that fired', async () => {
    const { code, stdout } = await preview(
      '--feed',
      'blog',
      '--config',
      configFile,
      '--max-characters',
      '40',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('→ demo (feed:blog→demo) · limit 40, 23 per URL');
    expect(stdout).toMatch(/── part 1\/1 · (3\d|40)\/40 · public ──/);
    expect(stdout).toContain('filtered: exclude keyword "sponsored"');
  });

  it('fails clearly for a feed that is not configured', async () => {
    const { code, stderr } = await preview('--feed', 'nope', '--config', configFile);
    expect(code).toBe(1);
    expect(stderr).toContain('no feed "nope" in the config (feeds: blog)');
  });
});

describe('preview --github', () => {
  it('shows what a release.published delivery becomes', async () => {
    const { code, stdout } = await preview(
      '--github',
      'release',
      'published.json',
      '--config',
      configFile,
      '--json',
    );
    expect(code).toBe(0);
    const { items } = JSON.parse(stdout);
    expect(items).toHaveLength(1);
    expect(items[0].routes[0].parts[0].text).toBe(
      'Codertocat/Hello-World 0.0.1 released\n\nhttps://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
    );
  });

  it('says why an event is not posted', async () => {
    const { code, stderr } = await preview(
      '--github',
      'release',
      'deleted.json',
      '--config',
      configFile,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('release action deleted is not posted');
  });

  it('takes exactly one input mode', async () => {
    expect((await preview('--text', 'x', '--feed', 'blog')).code).toBe(2);
    expect((await preview('--github', 'release', '--config', configFile)).code).toBe(2);
    expect((await preview('--feed', 'blog', '--spoiler', 'cw', '--config', configFile)).code).toBe(
      2,
    );
  });
});
