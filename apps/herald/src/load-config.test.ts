import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandConfigFile, loadCommandConfig } from './load-config.ts';

describe('loadCommandConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-load-config-'));
    await writeFile(join(dir, 'herald.yaml'), 'accounts:\n  demo: { dryRun: true }\n');
    await writeFile(join(dir, 'bad.yaml'), 'accounts:\n  main: { dryRun: true }\nfeeds: 3\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the frozen config of ./herald.yaml', async () => {
    let stderr = '';
    const config = await loadCommandConfig(undefined, {
      env: { HERALD_PORT: '4001' },
      cwd: dir,
      stderr: (t) => {
        stderr += t;
      },
    });
    expect(config?.server.port).toBe(4001);
    expect(Object.isFrozen(config)).toBe(true);
    expect(stderr).toBe('');
  });

  it('prints every problem on stderr and returns undefined', async () => {
    let stderr = '';
    const config = await loadCommandConfig('bad.yaml', {
      env: {},
      cwd: dir,
      stderr: (t) => {
        stderr += t;
      },
    });
    expect(config).toBeUndefined();
    expect(stderr).toBe(
      'herald: invalid configuration\nbad.yaml:3: feeds: expected a list, got a whole number\n',
    );
  });

  it('displays paths under the working directory relative to it', () => {
    expect(commandConfigFile('conf/h.yaml', { env: {}, cwd: '/srv' })).toEqual({
      path: '/srv/conf/h.yaml',
      display: 'conf/h.yaml',
    });
    expect(
      commandConfigFile(undefined, { env: { HERALD_CONFIG: '/etc/h.yaml' }, cwd: '/srv' }),
    ).toEqual({
      path: '/etc/h.yaml',
      display: '/etc/h.yaml',
    });
  });
});
