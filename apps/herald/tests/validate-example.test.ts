import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

describe('node apps/herald/src/main.ts validate herald.example.yaml', () => {
  it('prints exactly the ok line, with no environment variables set', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['apps/herald/src/main.ts', 'validate', 'herald.example.yaml'],
      { cwd: root, env: {} },
    );
    expect(stdout).toBe('ok: herald.example.yaml (1 account, 1 feed, 0 GitHub repos)\n');
    expect(stderr).toBe('');
  });
});
