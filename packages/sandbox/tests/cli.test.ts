import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) {
        process.stdout!.off('data', onData);
        resolveLine(buffered.slice(0, end));
      }
    };
    process.stdout!.on('data', onData);
    process.once('exit', (code) => reject(new Error(`sandbox exited early with ${code}`)));
  });
}

describe('herald sandbox (CLI)', () => {
  it('prints one JSON line, serves the API, and exits 0 on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      ['apps/herald/src/main.ts', 'sandbox', '--port', '0', '--token', 't1'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const line = await firstLine(child);
    const announced = JSON.parse(line) as {
      url: string;
      accounts: { id: string; username: string; token: string }[];
    };
    expect(announced.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(announced.accounts).toEqual([{ id: '1', username: 'user1', token: 't1' }]);

    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      rest += chunk.toString('utf8');
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });

    const response = await fetch(`${announced.url}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: 'Bearer t1', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Hello from the CLI sandbox' }),
    });
    expect(response.status).toBe(200);
    const status = (await response.json()) as { id: string };
    const shown = await fetch(`${announced.url}/api/v1/statuses/${status.id}`);
    expect(((await shown.json()) as { content: string }).content).toBe(
      '<p>Hello from the CLI sandbox</p>',
    );

    const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(rest).toBe(''); // nothing but the one line on stdout
    expect(stderr).toContain('POST /api/v1/statuses 200');
  });

  it('rejects bad flags with exit code 2 and the help text', async () => {
    child = spawn(
      process.execPath,
      ['apps/herald/src/main.ts', 'sandbox', '--rate-limit', 'fast'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((done) => child!.once('exit', (c) => done(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('--rate-limit must be mastodon, off or <n>/<window>');
    expect(stderr).toContain('Usage: herald sandbox');
  });
});
