// biome-ignore-all lint/suspicious/noTemplateCurlyInString: config text holds ${VAR} references verbatim
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadConfig,
  loadConfigOrThrow,
  parseConfigObject,
  parseConfigText,
  unwrapConfig,
} from './load.ts';
import { ConfigError, formatProblem } from './problems.ts';

const file = 'herald.yaml';
const config = (...lines: string[]) => `${lines.join('\n')}\n`;

const valid = config(
  'accounts:',
  '  main: { instance: https://mastodon.social, token: abc }',
  '  test: { dryRun: true }',
  'feeds:',
  '  - id: blog',
  '    url: https://example.org/feed.xml',
  '    to: [main, { account: test, visibility: public, overflow: thread }]',
);

describe('parseConfigText', () => {
  it('returns the config with defaults filled in', () => {
    const result = parseConfigText(valid, { env: {}, file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toBe(file);
    expect(result.config.server).toEqual({ host: '0.0.0.0', port: 3000 });
    expect(result.config.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'herald' });
    expect(result.config.feeds[0]).toMatchObject({ every: '10m', backfill: 0 });
    expect(result.config.accounts.main?.dryRun).toBe(false);
  });

  it('deep-freezes the result', () => {
    const result = parseConfigText(valid, { env: {}, file });
    if (!result.ok) throw new Error('expected a valid config');
    const { config: c } = result;
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.feeds)).toBe(true);
    expect(Object.isFrozen(c.feeds[0]?.to[1])).toBe(true);
    expect(Object.isFrozen(c.accounts.main)).toBe(true);
    expect(() => {
      (c.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('lists every problem, in file order, each with its path and line', () => {
    const text = config(
      /* 1 */ 'server:',
      /* 2 */ '  port: 99999',
      /* 3 */ '  colour: blue',
      /* 4 */ 'accounts:',
      /* 5 */ '  main:',
      /* 6 */ '    instance: mastodon.social',
      /* 7 */ '  test: { dryRun: true }',
      /* 8 */ 'feeds:',
      /* 9 */ '  - id: blog',
      /* 10 */ '    url: https://example.org/feed.xml',
      /* 11 */ '    every: 10 minutes',
      /* 12 */ '    to: [main, mian]',
      /* 13 */ '  - id: blog',
      /* 14 */ '    url: https://example.org/other.xml',
      /* 15 */ '    visibility: everyone',
      /* 16 */ '    to: []',
      /* 17 */ 'github:',
      /* 18 */ '  repos:',
      /* 19 */ '    - repo: just-a-name',
      /* 20 */ '      to: [test]',
    );
    const result = parseConfigText(text, { env: {}, file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => formatProblem(file, p));
    expect(lines).toEqual([
      'herald.yaml:2: server.port: must be at most 65535',
      'herald.yaml:3: server.colour: unknown key (expected: host, port, publicUrl, adminToken)',
      'herald.yaml:5: accounts.main.token: required for an account that posts (or set dryRun: true)',
      'herald.yaml:6: accounts.main.instance: expected an http(s) URL',
      'herald.yaml:11: feeds[0].every: expected a duration such as 30s, 10m or 1h',
      'herald.yaml:12: feeds[0].to[1]: unknown account "mian" (accounts: main, test)',
      'herald.yaml:13: feeds[1].id: duplicate feed id "blog" (first at feeds[0])',
      'herald.yaml:15: feeds[1].visibility: expected one of: public, unlisted, private, direct',
      'herald.yaml:16: feeds[1].to: needs at least 1 item',
      'herald.yaml:17: github.secret: required when github.repos is not empty (or secrets: [...] during rotation)',
      'herald.yaml:19: github.repos[0].repo: expected owner/name',
    ]);
    expect(result.problems[0]).toEqual({
      path: 'server.port',
      line: 2,
      column: 9,
      message: 'must be at most 65535',
    });
  });

  it('reports YAML syntax errors with their lines', () => {
    const result = parseConfigText(config('accounts:', '  main: {', '    dryRun: true'), {
      env: {},
      file,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(2);
  });

  it('explains ${…} inside a flow collection', () => {
    const result = parseConfigText(config('accounts:', '  main: { token: ${TOKEN} }'), {
      env: { TOKEN: 'x' },
      file,
    });
    expect(!result.ok && result.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('quote values that use ${…}'),
    });
  });

  it('reports a duplicate key and an empty file', () => {
    const duplicate = parseConfigText(config('accounts: {}', 'accounts: {}'), { env: {}, file });
    expect(!duplicate.ok && duplicate.problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/unique/) }),
    ]);
    const empty = parseConfigText('# nothing yet\n', { env: {}, file });
    expect(!empty.ok && empty.problems).toEqual([
      { path: '', message: 'the file has no settings (see herald.example.yaml)' },
    ]);
  });

  it('suggests the key that was probably meant, inside route entries too', () => {
    const result = parseConfigText(
      config(
        'accounts: { main: { dryRun: true } }',
        'feeds:',
        '  - id: blog',
        '    url: https://example.org/feed.xml',
        '    evry: 5m',
        '    to:',
        '      - { account: main, visiblity: public }',
      ),
      { env: {}, file },
    );
    expect(!result.ok && result.problems.map((p) => formatProblem(file, p))).toEqual([
      'herald.yaml:5: feeds[0].evry: unknown key (did you mean "every"?)',
      'herald.yaml:7: feeds[0].to[0].visiblity: unknown key (did you mean "visibility"?)',
    ]);
  });
});

describe('environment overrides', () => {
  it('HERALD_PORT and HERALD_REDIS_URL override the file', () => {
    const result = parseConfigText(config('server: { port: 4000 }', 'accounts: {}'), {
      env: { HERALD_PORT: '8080', HERALD_REDIS_URL: 'redis://redis:6379/1' },
      file,
    });
    expect(result.ok && result.config.server.port).toBe(8080);
    expect(result.ok && result.config.redis.url).toBe('redis://redis:6379/1');
  });

  it('an invalid HERALD_PORT is a problem naming it, not repeating it', () => {
    const result = parseConfigText(config('accounts: {}'), {
      env: { HERALD_PORT: 'eighty' },
      file,
    });
    expect(!result.ok && result.problems).toEqual([
      { path: 'server.port', message: 'HERALD_PORT must be a port number from 0 to 65535' },
    ]);
  });

  it('problems in an overridden value name where it came from', () => {
    const result = parseConfigText(config('accounts: {}'), {
      env: { HERALD_REDIS_URL: 'http://:hunter2@redis' },
      file,
    });
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'redis.url',
        message:
          'expected a redis:// or rediss:// URL (or a socket path) (set by HERALD_REDIS_URL)',
      },
    ]);
  });

  it('explicit overrides apply last', () => {
    const result = parseConfigText(valid, {
      env: { HERALD_PORT: '8080' },
      file,
      overrides: { server: { port: 0 }, workers: { lockDuration: '2s' } },
    });
    expect(result.ok && result.config.server.port).toBe(0);
    expect(result.ok && result.config.workers.lockDuration).toBe('2s');
  });
});

describe('parseConfigObject', () => {
  it('validates an object with the same schema and cross-checks', () => {
    const ok = parseConfigObject({ accounts: { demo: { dryRun: true } } });
    expect(ok.ok && ok.config.feeds).toEqual([]);
    const bad = parseConfigObject({
      accounts: { demo: { dryRun: true } },
      feeds: [{ id: 'x', url: 'https://example.org/f', to: ['nobody'] }],
    });
    expect(!bad.ok && bad.problems).toEqual([
      { path: 'feeds[0].to[0]', message: 'unknown account "nobody" (accounts: demo)' },
    ]);
  });

  it('does not change the object it was given', () => {
    const input = { accounts: {} };
    const result = parseConfigObject(input, { overrides: { server: { port: 1 } } });
    expect(result.ok).toBe(true);
    expect(input).toEqual({ accounts: {} });
    expect(Object.isFrozen(input)).toBe(false);
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and validates a file', async () => {
    const path = join(dir, 'herald.yaml');
    await writeFile(path, valid);
    const result = await loadConfig({ path, env: {} });
    expect(result).toMatchObject({ ok: true, file: path });
  });

  it('turns a missing file or a directory into a problem', async () => {
    const missing = await loadConfig({ path: join(dir, 'nope.yaml'), env: {} });
    expect(!missing.ok && missing.problems).toEqual([
      { path: '', message: expect.stringMatching(/^no such file/) },
    ]);
    const directory = await loadConfig({ path: dir, env: {} });
    expect(!directory.ok && directory.problems[0]?.message).toMatch(/directory/);
  });

  it('loadConfigOrThrow throws a ConfigError carrying every problem', async () => {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, config('accounts:', '  main: {}'));
    const error = await loadConfigOrThrow({ path, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ConfigError', code: 'HERALD_CONFIG_INVALID', file: path });
    expect((error as ConfigError).problems).toHaveLength(2);
    expect((error as ConfigError).message).toContain(`${path}:2: accounts.main.instance: required`);
    await writeFile(path, valid);
    expect((await loadConfigOrThrow({ path, env: {} })).feeds).toHaveLength(1);
  });

  it('unwrapConfig passes a valid result through', () => {
    const result = parseConfigText(valid, { env: {}, file });
    expect(unwrapConfig(result)).toBe(result.ok && result.config);
  });
});
