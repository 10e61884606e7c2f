// biome-ignore-all lint/suspicious/noTemplateCurlyInString: config text holds ${VAR} references verbatim
import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load.ts';
import { ConfigError, formatProblem } from './problems.ts';

const TOKEN = 'tok-3f9c2a7e51d84b06'; // from the environment
const HOOK = 'hook-secret-b7e1'; // written in the file
const ADMIN = 'admin-secret-c4d2';
const OLD = 'rotated-secret-99a1';
const REDIS_PASSWORD = 'redis-pass-5e6f';

const text = [
  'server:',
  '  port: ${TOKEN}',
  `  adminToken: ${ADMIN}`,
  '  colour: blue',
  'accounts:',
  '  main:',
  '    instance: ${TOKEN}',
  '    token: ${TOKEN}',
  '    extra: 1',
  '  test: { dryRun: true }',
  'feeds:',
  '  - id: "${TOKEN}"',
  '    url: https://example.org/feed.xml',
  '    visibility: ${TOKEN}',
  '    backfill: "${TOKEN}"',
  '    to: ["${TOKEN}", main, main]',
  '  - id: "${TOKEN}"',
  '    url: https://example.org/feed2.xml',
  '    language: "x${TOKEN}"',
  '    filters: { include: { regex: ["(${TOKEN}"] } }',
  '    to: [{ account: "${TOKEN}" }]',
  'github:',
  `  secret: ${HOOK}`,
  `  secrets: [${OLD}, 7]`,
  '  repos:',
  '    - repo: "${TOKEN}"',
  '      to: [nobody]',
  '',
].join('\n');

const everyOutput = (file: string, problems: ReturnType<typeof collect>) => [
  JSON.stringify(problems),
  ...problems.map((p) => formatProblem(file, p)),
  new ConfigError(file, problems).message,
];

function collect(source: string, env: Record<string, string>) {
  const result = parseConfigText(source, { env, file: 'herald.yaml' });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('secrets never appear in problems', () => {
  it('not an env value used anywhere, nor token/secret/secrets/adminToken values', () => {
    const env = { TOKEN, HERALD_REDIS_URL: `http://:${REDIS_PASSWORD}@redis:6379` };
    const problems = collect(text, env);
    // The file has many problems, several at the very places the secret went.
    expect(problems.length).toBeGreaterThanOrEqual(12);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'server.port',
        'accounts.main.instance',
        'feeds[0].to[0]',
        'feeds[1].id',
        'feeds[1].filters.include.regex[0]',
        'github.secrets[1]',
        'redis.url',
      ]),
    );
    for (const output of everyOutput('herald.yaml', problems)) {
      for (const secret of [TOKEN, HOOK, ADMIN, OLD, REDIS_PASSWORD]) {
        expect(output).not.toContain(secret);
      }
    }
    // The variable is named instead.
    expect(problems.find((p) => p.path === 'feeds[0].to[0]')?.message).toBe(
      'unknown account <value of $TOKEN> (accounts: main, test)',
    );
  });

  it('not in YAML syntax errors either', () => {
    const broken = [
      'accounts:',
      '  main:',
      `    token: "${HOOK}" : x`,
      `    other: '${ADMIN}`,
    ].join('\n');
    const problems = collect(broken, {});
    expect(problems.length).toBeGreaterThan(0);
    for (const output of everyOutput('herald.yaml', problems)) {
      expect(output).not.toContain(HOOK);
      expect(output).not.toContain(ADMIN);
    }
  });
});
