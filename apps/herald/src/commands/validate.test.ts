// biome-ignore-all lint/suspicious/noTemplateCurlyInString: config text holds ${VAR} references verbatim
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import type { CommandIo } from '../command.ts';
import { validateCommand } from './validate.ts';

function fakeIo(cwd: string, env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    env,
    cwd,
    signal: new AbortController().signal,
  };
  const run = async (...argv: string[]) => {
    const code = await runCli(['validate', ...argv], io, [validateCommand]);
    return { code, ...out };
  };
  return { run };
}

const valid = [
  'accounts:',
  '  main: { instance: https://mastodon.social, token: "${MASTODON_TOKEN}" }',
  '  demo: { dryRun: true }',
  'feeds:',
  '  - { id: blog, url: https://example.org/feed.xml, to: [main, demo] }',
  'github:',
  '  secret: "${GITHUB_WEBHOOK_SECRET:-dev}"',
  '  repos:',
  '    - { repo: owner/app, to: [main] }',
  '',
].join('\n');

const SECRET = 'sk-7d1e0c9b24fa';
const invalid = [
  'accounts:',
  '  main:',
  '    instance: https://mastodon.social',
  '    token: ${MASTODON_TOKEN}',
  'feeds:',
  '  - id: blog',
  '    url: ${MASTODON_TOKEN}',
  '    every: often',
  '    to: [mian]',
  '',
].join('\n');

describe('herald validate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-validate-'));
    await mkdir(join(dir, 'conf'));
    await writeFile(join(dir, 'herald.yaml'), valid);
    await writeFile(join(dir, 'conf', 'other.yaml'), 'accounts:\n  solo: { dryRun: true }\n');
    await writeFile(join(dir, 'bad.yaml'), invalid);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the ok line for ./herald.yaml and exits 0', async () => {
    const result = await fakeIo(dir, { MASTODON_TOKEN: SECRET }).run();
    expect(result).toEqual({
      code: 0,
      stdout: 'ok: herald.yaml (2 accounts, 1 feed, 1 GitHub repo)\n',
      stderr: '',
    });
  });

  it('takes the file from the argument, --config, or HERALD_CONFIG, in that order', async () => {
    const env = { MASTODON_TOKEN: SECRET, HERALD_CONFIG: 'bad.yaml' };
    expect((await fakeIo(dir, env).run('conf/other.yaml')).stdout).toBe(
      'ok: conf/other.yaml (1 account, 0 feeds, 0 GitHub repos)\n',
    );
    expect((await fakeIo(dir, env).run('--config', 'herald.yaml')).stdout).toMatch(
      /^ok: herald.yaml /,
    );
    const fromEnv = await fakeIo(dir, env).run();
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stdout).toMatch(/^bad.yaml:/);
  });

  it('prints one line per problem and exits 1, never the secret', async () => {
    const result = await fakeIo(dir, { MASTODON_TOKEN: SECRET }).run('bad.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'bad.yaml:7: feeds[0].url: expected an http(s) URL (value from $MASTODON_TOKEN)',
      'bad.yaml:8: feeds[0].every: expected a duration such as 30s, 10m or 1h',
      'bad.yaml:9: feeds[0].to[0]: unknown account "mian" (accounts: main)',
      '',
    ]);
    const json = await fakeIo(dir, { MASTODON_TOKEN: SECRET }).run('bad.yaml', '--json');
    expect(json.code).toBe(1);
    for (const output of [result.stdout, result.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain(SECRET);
    }
  });

  it('reports an unset variable with its line', async () => {
    const result = await fakeIo(dir).run('bad.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'bad.yaml:4: accounts.main.token: environment variable MASTODON_TOKEN is not set',
    );
    expect(result.stdout).toContain(
      'bad.yaml:7: feeds[0].url: environment variable MASTODON_TOKEN is not set',
    );
  });

  it('treats a missing file as a problem', async () => {
    const result = await fakeIo(dir).run('nope.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^nope\.yaml: no such file \(pass --config <file>/);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--json prints {ok, file, problems}', async () => {
    const ok = await fakeIo(dir, { MASTODON_TOKEN: SECRET }).run('--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, file: 'herald.yaml', problems: [] });
    const bad = await fakeIo(dir, { MASTODON_TOKEN: SECRET }).run('--json', 'bad.yaml');
    const parsed = JSON.parse(bad.stdout) as { ok: boolean; file: string; problems: unknown[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.file).toBe('bad.yaml');
    expect(parsed.problems[0]).toEqual({
      path: 'feeds[0].url',
      line: 7,
      column: 10,
      message: 'expected an http(s) URL (value from $MASTODON_TOKEN)',
    });
  });

  it('prints absolute paths for files outside the working directory', async () => {
    const result = await fakeIo(join(dir, 'conf'), { MASTODON_TOKEN: SECRET }).run('../bad.yaml');
    expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`^${join(dir, 'bad.yaml')}:7: `));
  });

  it('rejects bad usage with exit 2 and shows help', async () => {
    const both = await fakeIo(dir).run('a.yaml', '--config', 'b.yaml');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    expect((await fakeIo(dir).run('--nope')).code).toBe(2);
    const help = await fakeIo(dir).run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: herald validate \[file\]/);
    expect(help.stdout).toContain('HERALD_CONFIG');
  });
});
