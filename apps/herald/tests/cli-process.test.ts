// The CLI as users run it: through `pnpm herald` (no package-manager banner on stdout) and
// into a pipe that closes early (no EPIPE stack trace, exit 0).
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

it('prints only the command’s own output on stdout through pnpm herald', () => {
  const pnpm = resolve(ROOT, '.tools/bin/pnpm');
  const result = spawnSync(pnpm, ['herald', 'validate', 'herald.example.yaml', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${resolve(ROOT, '.tools/bin')}:${process.env.PATH}` },
  });
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, file: 'herald.example.yaml' });
});

it('exits 0 without a stack trace when the reader closes the pipe early', async () => {
  const child = spawn(
    process.execPath,
    ['apps/herald/src/main.ts', 'preview', '--text', 'x'.repeat(5000), '--overflow', 'thread'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Closed before the child writes a byte, so its first write meets a broken pipe.
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  expect(stderr).not.toContain('EPIPE');
  expect(code).toBe(0);
});
