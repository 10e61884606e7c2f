import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import type { CommandIo } from '../command.ts';
import { previewCommand } from './preview.ts';

async function run(...argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    env: {},
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  const code = await runCli(['preview', ...argv], io, [previewCommand]);
  return { code, ...out };
}

const LINK = 'https://example.com/a/really/long/path/that/counts/as/twenty-three';

describe('herald preview --text', () => {
  it('prints exactly limit, urlChars and parts as JSON', async () => {
    const result = await run(
      '--text',
      `Hi @alice@example.social ${LINK}`,
      '--spoiler',
      'cw',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      limit: 500,
      urlChars: 23,
      parts: [
        { text: `Hi @alice@example.social ${LINK}`, spoilerText: 'cw', length: 2 + 3 + 6 + 1 + 23 },
      ],
    });
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['limit', 'urlChars', 'parts']);
  });

  it('gives spoilerText "" without --spoiler', async () => {
    const result = await run('--text', 'hello', '--json');
    expect(JSON.parse(result.stdout).parts).toEqual([
      { text: 'hello', spoilerText: '', length: 5 },
    ]);
  });

  it('truncates by default and threads with --overflow thread', async () => {
    const text = 'word '.repeat(100).trim();
    const truncated = JSON.parse(
      (await run('--text', text, '--max-characters', '100', '--json')).stdout,
    );
    expect(truncated.limit).toBe(100);
    expect(truncated.parts).toHaveLength(1);
    expect(truncated.parts[0].text.endsWith('…')).toBe(true);
    expect(truncated.parts[0].length).toBeLessThanOrEqual(100);

    const thread = JSON.parse(
      (await run('--text', text, '--max-characters', '100', '--overflow', 'thread', '--json'))
        .stdout,
    );
    expect(thread.parts.length).toBe(6);
    expect(
      thread.parts.map((p: { text: string }) => p.text.replace(/\n\n\d\/6$/, '')).join(' '),
    ).toBe(text);
  });

  it('uses --url-chars', async () => {
    const result = await run('--text', LINK, '--url-chars', '40', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ urlChars: 40, parts: [{ length: 40 }] });
  });

  it('prints each part with its count against the limit', async () => {
    const result = await run(
      '--text',
      'word '.repeat(30),
      '--max-characters',
      '80',
      '--overflow',
      'thread',
      '--spoiler',
      'CW',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^── part 1\/3 · \d+\/80 ──\nCW: CW\nword word/);
    expect(result.stdout).toMatch(/\n── part 3\/3 · \d+\/80 ──\nCW: CW\nword/);
  });

  it('exits 1 with the reason on stderr when the text cannot be fitted', async () => {
    const result = await run('--text', 'hello', '--spoiler', 'c'.repeat(600), '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /content warning counts 600 characters.*HERALD_FIT_SPOILER_TOO_LONG/,
    );
  });

  it('exits 2 on bad or missing flags', async () => {
    for (const argv of [
      [],
      ['--text', 'x', '--overflow', 'wrap'],
      ['--text', 'x', '--max-characters', '0'],
      ['--text', 'x', '--url-chars', 'many'],
      ['--text', 'x', '--instance', 'ftp://example.org'],
      ['--text', 'x', '--feed', 'blog'],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: herald preview');
    }
  });

  describe('--instance', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/api/v2/instance') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              configuration: {
                statuses: {
                  max_characters: 120,
                  characters_reserved_per_url: 30,
                  max_media_attachments: 4,
                },
              },
            }),
          );
        } else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('reads the limits from the instance', async () => {
      const result = await run('--text', LINK, '--instance', url, '--json');
      expect(JSON.parse(result.stdout)).toMatchObject({
        limit: 120,
        urlChars: 30,
        parts: [{ length: 30 }],
      });
    });

    it('lets explicit flags win', async () => {
      const result = await run(
        '--text',
        LINK,
        '--instance',
        url,
        '--max-characters',
        '200',
        '--json',
      );
      expect(JSON.parse(result.stdout)).toMatchObject({ limit: 200, urlChars: 30 });
    });

    it('falls back to the defaults with a warning when the instance does not answer', async () => {
      const dead = await run('--text', 'x', '--instance', 'http://127.0.0.1:9', '--json');
      expect(dead.code).toBe(0);
      expect(JSON.parse(dead.stdout)).toMatchObject({ limit: 500, urlChars: 23 });
      expect(dead.stderr).toContain("using Mastodon's defaults");
    });
  });

  it('runs as a process: node apps/herald/src/main.ts preview --text … --json', async () => {
    const root = join(import.meta.dirname, '../../../..');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['apps/herald/src/main.ts', 'preview', '--text', `Read ${LINK}`, '--json'],
      { cwd: root },
    );
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      limit: 500,
      urlChars: 23,
      parts: [{ text: `Read ${LINK}`, spoilerText: '', length: 28 }],
    });
  });
});
