// biome-ignore-all lint/suspicious/noTemplateCurlyInString: config text holds ${VAR} references verbatim
import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load.ts';
import { substituteVariables } from './substitute.ts';

const file = 'herald.yaml';

describe('substituteVariables', () => {
  it('replaces ${VAR} and ${VAR:-default}, shell-style', () => {
    const env = { HOST: 'example.org', EMPTY: '' };
    expect(substituteVariables('https://${HOST}/feed', env)).toMatchObject({
      value: 'https://example.org/feed',
      substituted: true,
      fromEnv: ['HOST'],
      missing: [],
    });
    expect(substituteVariables('${NOPE:-fallback}', env).value).toBe('fallback');
    // `:-` also covers "set but empty", as in the shell; a plain reference keeps the empty value.
    expect(substituteVariables('${EMPTY:-fallback}', env).value).toBe('fallback');
    expect(substituteVariables('a${EMPTY}b', env)).toMatchObject({ value: 'ab', missing: [] });
    expect(substituteVariables('${HOST:-x}', env)).toMatchObject({ value: 'example.org' });
    expect(substituteVariables('${NOPE:-}', env)).toMatchObject({ value: '', fromEnv: [] });
  });

  it('reads $${ as a literal ${ and leaves other dollars alone', () => {
    const result = substituteVariables('cost $5, literal $${HOST} and $$', { HOST: 'x' });
    expect(result).toMatchObject({ value: 'cost $5, literal ${HOST} and $$', substituted: false });
  });

  it('reports unset variables and malformed references', () => {
    expect(substituteVariables('${A}/${B}/${A}', {}).missing).toEqual(['A', 'B']);
    expect(substituteVariables('${1BAD}', {}).malformed).toMatch(/invalid reference/);
    expect(substituteVariables('${OPEN', {}).malformed).toMatch(/without a closing/);
    expect(substituteVariables('plain text', {})).toMatchObject({ value: 'plain text' });
  });
});

const config = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('substitution in config files', () => {
  it('fills string values, with defaults, and never touches keys', () => {
    const result = parseConfigText(
      config(
        'accounts:',
        '  main:',
        '    instance: ${INSTANCE:-https://mastodon.social}',
        '    token: ${TOKEN}',
        'feeds:',
        '  - id: blog',
        '    url: "https://${FEED_HOST}/feed.xml"',
        '    template: "price: $${PRICE} {title}"',
        '    to: [main]',
      ),
      { env: { TOKEN: 't0k', FEED_HOST: 'example.org', PRICE: 'unused' }, file },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.accounts.main).toMatchObject({
      instance: 'https://mastodon.social',
      token: 't0k',
    });
    expect(result.config.feeds[0]?.url).toBe('https://example.org/feed.xml');
    expect(result.config.feeds[0]?.template).toBe('price: ${PRICE} {title}');
  });

  it('does not substitute into keys', () => {
    const result = parseConfigText(config('accounts:', '  ${NAME}: { dryRun: true }'), {
      env: { NAME: 'main' },
      file,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'accounts["${NAME}"]', line: 2 }),
    ]);
  });

  it('reports an unset variable with its name, path and line', () => {
    const result = parseConfigText(
      config(
        'accounts:',
        '  main:',
        '    instance: https://mastodon.social',
        '    token: ${MASTODON_TOKEN}',
      ),
      { env: {}, file },
    );
    expect(result).toEqual({
      ok: false,
      file,
      problems: [
        {
          path: 'accounts.main.token',
          line: 4,
          column: 12,
          message:
            'environment variable MASTODON_TOKEN is not set (or give a default: ${MASTODON_TOKEN:-…})',
        },
      ],
    });
  });

  it('treats a value that substitutes to nothing as not set', () => {
    const result = parseConfigText(
      config('server:', '  publicUrl: ${PUBLIC_URL:-}', 'accounts: {}'),
      { env: {}, file },
    );
    expect(result.ok && result.config.server.publicUrl).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('reports a malformed reference at its line', () => {
    const result = parseConfigText(config('accounts: {}', 'redis:', '  url: ${REDIS'), {
      env: {},
      file,
    });
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({
        path: 'redis.url',
        line: 3,
        message: expect.stringMatching(/\$\$\{/),
      }),
    ]);
  });
});

describe('coercion of substituted values', () => {
  const text = config(
    'server:',
    '  port: ${PORT:-3000}',
    'accounts:',
    '  demo: { dryRun: "${DRY_RUN:-true}" }',
    'feeds:',
    '  - id: "${FEED_ID:-42}"',
    '    url: https://example.org/feed.xml',
    '    backfill: ${BACKFILL}',
    '    to: [demo]',
  );

  it('turns numbers and booleans into the types the schema expects there', () => {
    const result = parseConfigText(text, { env: { BACKFILL: '2', PORT: '8080' }, file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.server.port).toBe(8080);
    expect(result.config.accounts.demo?.dryRun).toBe(true);
    expect(result.config.feeds[0]?.backfill).toBe(2);
    // An id is text even when it looks like a number.
    expect(result.config.feeds[0]?.id).toBe('42');
  });

  it('uses the default when the variable is unset', () => {
    const result = parseConfigText(text, { env: { BACKFILL: '0' }, file });
    expect(result.ok && result.config.server.port).toBe(3000);
  });

  it('reports a non-numeric value by its variable, not its value', () => {
    const result = parseConfigText(text, { env: { BACKFILL: 'lots', DRY_RUN: 'maybe' }, file });
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'accounts.demo.dryRun',
        line: 4,
        column: 19,
        message: 'expected true or false, got text (value from $DRY_RUN)',
      },
      {
        path: 'feeds[0].backfill',
        line: 8,
        column: 15,
        message: 'expected a number, got text (value from $BACKFILL)',
      },
    ]);
  });

  it('does not coerce literal strings written in the file', () => {
    const result = parseConfigText(config('server:', '  port: "3000"', 'accounts: {}'), {
      env: {},
      file,
    });
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({
        path: 'server.port',
        line: 2,
        message: 'expected a number, got text',
      }),
    ]);
  });
});
