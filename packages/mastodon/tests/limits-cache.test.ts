import { randomBytes } from 'node:crypto';
import { createKeys } from '@herald/core';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createInstanceLimitsCache,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
} from '../src/index.ts';

const redis = new Redis('redis://127.0.0.1:6379');
const keys = createKeys(`test-limits-${randomBytes(4).toString('hex')}`);

afterAll(async () => {
  const mine = await redis.keys(keys.custom('*'));
  if (mine.length > 0) await redis.del(...mine);
  await redis.quit();
});

const custom: InstanceLimits = {
  ...MASTODON_DEFAULT_LIMITS,
  maxCharacters: 5000,
  media: { ...MASTODON_DEFAULT_LIMITS.media, imageSizeLimit: 1_000 },
};

describe('instance limits cache', () => {
  it('fetches once, then serves from Redis under keys.instance(origin)', async () => {
    const fetched: string[] = [];
    const cache = createInstanceLimitsCache(
      {
        redis,
        keys,
        fetchLimits: async (url) => {
          fetched.push(url);
          return custom;
        },
      },
      { ttlMs: 60_000 },
    );
    expect(await cache.get({ instance: 'https://a.example/' })).toEqual(custom);
    expect(await cache.get({ instance: 'https://a.example' })).toEqual(custom);
    expect(fetched).toEqual(['https://a.example/']);
    expect(await redis.pttl(keys.instance('https://a.example'))).toBeGreaterThan(50_000);
  });

  it('fetches again after invalidate', async () => {
    let calls = 0;
    const cache = createInstanceLimitsCache({
      redis,
      keys,
      fetchLimits: async () => {
        calls += 1;
        return custom;
      },
    });
    await cache.get({ instance: 'https://b.example' });
    await cache.invalidate('https://b.example');
    await cache.get({ instance: 'https://b.example' });
    expect(calls).toBe(2);
  });

  it('uses Mastodon’s defaults for a dry-run account without instance, without fetching', async () => {
    const cache = createInstanceLimitsCache({
      redis,
      keys,
      fetchLimits: async () => {
        throw new Error('must not fetch');
      },
    });
    expect(await cache.get({ dryRun: true })).toEqual(MASTODON_DEFAULT_LIMITS);
    await expect(cache.get({})).rejects.toThrow(/needs an instance/);
  });

  it('replaces a corrupt entry', async () => {
    await redis.set(keys.instance('https://c.example'), '{not json');
    const cache = createInstanceLimitsCache({ redis, keys, fetchLimits: async () => custom });
    expect(await cache.get({ instance: 'https://c.example' })).toEqual(custom);
  });
});
