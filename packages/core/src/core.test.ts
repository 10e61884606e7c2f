import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';
import { errorKind, permanent, transient } from './errors.ts';
import { sha256Hex } from './hash.ts';
import { jobId } from './job-ids.ts';
import { workerSettings } from './job-options.ts';
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
    expect(workerSettings({ lockDuration: '1m', stalledInterval: '10s' })).toEqual({
      lockDuration: 60_000,
      stalledInterval: 10_000,
      maxStalledCount: 2,
    });
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
