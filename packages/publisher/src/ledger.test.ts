import { randomBytes } from 'node:crypto';
import { createKeys } from '@herald/core';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLedger } from './ledger.ts';

const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
const keys = createKeys(`test-ledger-${randomBytes(4).toString('hex')}`);

afterAll(async () => {
  const mine = await redis.keys(`${keys.custom('*')}`);
  if (mine.length > 0) await redis.del(...mine);
  await redis.quit();
});

const entry = (statusId: string, contentHash: string) => ({
  statusId,
  contentHash,
  postedAt: '2030-01-01T00:00:00.000Z',
  media: [{ url: 'https://example.org/a.png', alt: 'a', id: 'm1' }],
});

describe('ledger', () => {
  it('records and reads per (itemKey, part index), under keys.ledger(account)', async () => {
    const ledger = createLedger({ redis, keys }, { account: 'main' });
    expect(ledger.key).toBe(keys.ledger('main'));
    expect(await ledger.get('feed:blog:https://x/1', 0)).toBeUndefined();
    await ledger.record('feed:blog:https://x/1', 0, entry('100', 'h0'));
    await ledger.record('feed:blog:https://x/1', 1, entry('101', 'h1'));
    expect(await ledger.get('feed:blog:https://x/1', 0)).toEqual(entry('100', 'h0'));
    expect(await ledger.get('feed:blog:https://x/1', 1)).toEqual(entry('101', 'h1'));
    expect(await redis.hlen(keys.ledger('main'))).toBe(2);
  });

  it('keeps item keys containing colons and digits apart', async () => {
    const ledger = createLedger({ redis, keys }, { account: 'colons' });
    await ledger.record('1:a', 2, entry('1', 'x'));
    expect(await ledger.get('2:a', 1)).toBeUndefined();
    expect(await ledger.get('1:a', 2)).toMatchObject({ statusId: '1' });
  });

  it('drops the intent when the outcome is recorded', async () => {
    const ledger = createLedger({ redis, keys }, { account: 'intents' });
    const intent = { contentHash: 'h', text: 't', spoilerText: '', media: [], startedAt: 1 };
    await ledger.recordIntent('item', 0, intent);
    expect(await ledger.intent('item', 0)).toEqual(intent);
    await ledger.record('item', 0, entry('5', 'h'));
    expect(await ledger.intent('item', 0)).toBeUndefined();
    await ledger.recordIntent('item', 1, intent);
    await ledger.clearIntent('item', 1);
    expect(await ledger.intent('item', 1)).toBeUndefined();
  });

  it('writes dry runs under keys.dryRun(account), never the real ledger', async () => {
    const dry = createLedger({ redis, keys }, { account: 'trial', dryRun: true });
    expect(dry.key).toBe(keys.dryRun('trial'));
    await dry.record('item', 0, entry('dry-run', 'h'));
    expect(await redis.exists(keys.ledger('trial'))).toBe(0);
    expect(
      await createLedger({ redis, keys }, { account: 'trial' }).get('item', 0),
    ).toBeUndefined();
    expect(await dry.get('item', 0)).toMatchObject({ statusId: 'dry-run' });
  });
});
