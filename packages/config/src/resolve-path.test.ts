import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from './resolve-path.ts';

describe('resolveConfigPath', () => {
  const cwd = '/srv/herald';

  it('prefers the --config flag over HERALD_CONFIG and ./herald.yaml', () => {
    const env = { HERALD_CONFIG: '/etc/herald.yaml' };
    expect(resolveConfigPath({ flag: 'custom.yaml', env, cwd })).toBe('/srv/herald/custom.yaml');
  });

  it('uses HERALD_CONFIG when there is no flag', () => {
    const env = { HERALD_CONFIG: '/etc/herald.yaml' };
    expect(resolveConfigPath({ env, cwd })).toBe('/etc/herald.yaml');
    expect(resolveConfigPath({ env: { HERALD_CONFIG: 'conf/h.yaml' }, cwd })).toBe(
      '/srv/herald/conf/h.yaml',
    );
  });

  it('falls back to ./herald.yaml, treating empty values as unset', () => {
    expect(resolveConfigPath({ env: {}, cwd })).toBe('/srv/herald/herald.yaml');
    expect(resolveConfigPath({ flag: '', env: { HERALD_CONFIG: '' }, cwd })).toBe(
      '/srv/herald/herald.yaml',
    );
  });

  it('keeps absolute paths as they are', () => {
    expect(resolveConfigPath({ flag: '/tmp/x.yaml', env: {}, cwd })).toBe('/tmp/x.yaml');
  });
});
