import { HeraldError } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing.ts';

function clock() {
  let t = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => t,
    wait: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    waits,
  };
}

describe('pacer', () => {
  it('lets requests through while plenty remains', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, wait: c.wait });
    await pacer.wait('api');
    pacer.observe('api', { limit: 300, remaining: 250, resetAt: c.now() + 60_000 });
    await pacer.wait('api');
    await pacer.wait('api');
    expect(c.waits).toEqual([]);
  });

  it('spreads the last requests evenly over the rest of the window', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, wait: c.wait, maxInlineWaitMs: 60_000 });
    pacer.observe('api', { limit: 100, remaining: 9, resetAt: c.now() + 10_000 });
    await pacer.wait('api'); // 10 000 ms / (9 + 1) = 1000 ms after the last answer
    expect(c.waits).toEqual([1_000]);
    pacer.observe('api', { limit: 100, remaining: 8, resetAt: c.now() + 9_000 });
    await pacer.wait('api');
    expect(c.waits).toEqual([1_000, 1_000]);
  });

  it('pauses (rate-limited) when nothing remains, until the reset', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, wait: c.wait });
    const resetAt = c.now() + 30_000;
    pacer.observe('api', { limit: 300, remaining: 0, resetAt });
    const error = await pacer.wait('api').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldError);
    expect(error).toMatchObject({ kind: 'rate-limited', resetAt });
    c.advance(30_000);
    await pacer.wait('api');
    expect(c.waits).toEqual([]);
  });

  it('waits inside the job for a reset that is near, rather than restarting the job', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, wait: c.wait, maxInlineWaitMs: 5_000 });
    pacer.observe('api', { limit: 4, remaining: 0, resetAt: c.now() + 1_200 });
    await pacer.wait('api');
    expect(c.waits).toEqual([1_200]);
    // A new window: the next request goes at once.
    await pacer.wait('api');
    expect(c.waits).toEqual([1_200]);
  });

  it('turns a wait too long for a job into a pause until the next slot', async () => {
    const c = clock();
    const pacer = createPacer({ now: c.now, wait: c.wait, maxInlineWaitMs: 5_000 });
    pacer.observe('media', { limit: 30, remaining: 2, resetAt: c.now() + 1_800_000 });
    const error = (await pacer.wait('media').catch((e: unknown) => e)) as HeraldError;
    expect(error.kind).toBe('rate-limited');
    expect(error.resetAt).toBe(c.now() + 600_000);
    // The other throttle is not affected.
    await pacer.wait('api');
    expect(c.waits).toEqual([]);
  });
});
