import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';
import { errorKind, permanent, transient } from './errors.ts';
import { sha256Hex } from './hash.ts';
import { jobId } from './job-ids.ts';
import { BACKOFF_TYPE, retryDelay, workerSettings } from './job-options.ts';
import { createKeys } from './keys.ts';
import { parseJob, publishQueueName } from './queues.ts';

describe('job ids', () => {
  it('are <kind>-<hex>, deterministic, with no colon and never all digits', () => {
    const id = jobId('format', 'feed:blog', 'https://example.org/1');
    expect(id).toMatch(/^format-[0-9a-f]{40}$/);
    expect(jobId('format', 'feed:blog', 'https://example.org/1')).toBe(id);
    expect(jobId('format', 'feed:blog', 'https://example.org/2')).not.toBe(id);
  });
  it('length-prefix their parts so different splits differ', () => {
    expect(sha256Hex('ab', 'c')).not.toBe(sha256Hex('a', 'bc'));
  });
});

describe('worker settings', () => {
  it('take lock timings from config and let a stalled job run again twice', () => {
    const settings = workerSettings({
      lockDuration: '1m',
      stalledInterval: '10s',
      backoff: '5s',
      maxBackoff: '15m',
    });
    expect(settings).toMatchObject({
      lockDuration: 60_000,
      stalledInterval: 10_000,
      maxStalledCount: 2,
    });
  });
});

describe('retry delays', () => {
  const half = () => 1; // no jitter: the upper bound
  it('double from the base and stop at the cap', () => {
    const delays = [1, 2, 3, 4, 8, 9, 20].map((n) => retryDelay(n, 5_000, 900_000, half));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 640_000, 900_000, 900_000]);
  });
  it('jitter down by at most half', () => {
    expect(retryDelay(3, 5_000, 900_000, () => 0)).toBe(10_000);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelay(30, 5_000, 900_000);
      expect(delay).toBeGreaterThanOrEqual(450_000);
      expect(delay).toBeLessThanOrEqual(900_000);
    }
  });
  it('span about three hours with the defaults (20 attempts, 5s, 15m cap)', () => {
    let total = 0;
    for (let n = 1; n < 20; n++) total += retryDelay(n, 5_000, 900_000, half);
    expect(total / 3_600_000).toBeGreaterThan(2.5);
    expect(total / 3_600_000).toBeLessThan(4);
  });
  it('are unknown to BullMQ types other than Herald’s', () => {
    const { settings } = workerSettings({
      lockDuration: '30s',
      stalledInterval: '30s',
      backoff: '5s',
      maxBackoff: '15m',
    });
    expect(settings.backoffStrategy(1, 'something-else')).toBe(-1);
    expect(settings.backoffStrategy(1, BACKOFF_TYPE)).toBeGreaterThanOrEqual(2_500);
  });
});

describe('keys', () => {
  it('wrap the prefix in a hash tag, once', () => {
    expect(createKeys('herald').ledger('main')).toBe('{herald}:ledger:main');
    expect(createKeys('{x}').bullPrefix).toBe('{x}:bull');
  });
});

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('%s = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '10', 'ten minutes', '5x', '-1s'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('job payloads', () => {
  it('accepts valid data and rejects malformed data as permanent', () => {
    expect(parseJob('poll', { feedId: 'blog' })).toEqual({ feedId: 'blog' });
    let caught: unknown;
    try {
      parseJob('format', { item: { itemKey: '' } });
    } catch (error) {
      caught = error;
    }
    expect(errorKind(caught)).toBe('permanent');
    expect((caught as Error).message).toMatch(/item\.source/);
  });
  it('name one publish queue per account', () =>
    expect(publishQueueName('main')).toBe('publish-main'));
});

describe('error kinds', () => {
  it('classify unknown errors as transient, never dropping them', () => {
    expect(errorKind(new Error('socket hang up'))).toBe('transient');
    expect(errorKind(transient('X', 'x'))).toBe('transient');
    expect(errorKind(permanent('X', 'x'))).toBe('permanent');
  });
});
