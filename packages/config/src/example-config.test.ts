import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText } from './load.ts';

const path = join(import.meta.dirname, '../../../herald.example.yaml');

describe('herald.example.yaml', () => {
  it('validates with an empty environment: a dry-run account receiving the demo feed', async () => {
    const result = await loadConfig({ path, env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.accounts).toEqual({ demo: { dryRun: true } });
    expect(result.config.feeds).toEqual([
      {
        id: 'demo',
        url: 'http://127.0.0.1:3000/demo/feed.xml',
        every: '1m',
        backfill: 3,
        to: ['demo'],
      },
    ]);
    expect(result.config.github).toBeUndefined();
  });

  it('takes the demo feed URL from HERALD_DEMO_FEED_URL when set', async () => {
    const env = { HERALD_DEMO_FEED_URL: 'http://127.0.0.1:4567/demo/feed.xml' };
    const result = await loadConfig({ path, env });
    expect(result.ok && result.config.feeds[0]?.url).toBe(env.HERALD_DEMO_FEED_URL);
  });

  it('its commented real account and github section are valid once uncommented', async () => {
    const text = (await readFile(path, 'utf8')).replace(
      /^(\s*)# (?=\s*(?:main|instance|token|github|secret|repos|events|to|- repo):)/gm,
      '$1',
    );
    const unset = parseConfigText(text, { env: {}, file: 'example' });
    expect(!unset.ok && unset.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('MASTODON_TOKEN is not set'),
      expect.stringContaining('GITHUB_WEBHOOK_SECRET is not set'),
    ]);
    const env = { MASTODON_TOKEN: 'token', GITHUB_WEBHOOK_SECRET: 'secret' };
    const result = parseConfigText(text, { env, file: 'example' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.config.accounts)).toEqual(['demo', 'main']);
    expect(result.config.github?.repos).toEqual([
      { repo: 'owner/name', events: ['release'], to: ['main'] },
    ]);
  });
});

describe('docs/configuration.md', () => {
  it('its complete examples validate', async () => {
    const docs = await readFile(
      join(import.meta.dirname, '../../../docs/configuration.md'),
      'utf8',
    );
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .filter((block) => /^accounts:/m.test(block));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const env = {
      MASTODON_TOKEN: 'a',
      FOSSTODON_TOKEN: 'b',
      HERALD_ADMIN_TOKEN: 'c',
      GITHUB_WEBHOOK_SECRET: 'd',
      GITHUB_WEBHOOK_SECRET_OLD: 'e',
    };
    for (const block of blocks) {
      const result = parseConfigText(block, { env, file: 'docs' });
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });
});
