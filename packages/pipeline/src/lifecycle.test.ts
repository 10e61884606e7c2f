import { describe, expect, it } from 'vitest';
import { type Closer, createLifecycle, FORCE_GRACE_MS, workerCloser } from './lifecycle.ts';

const never = () => new Promise<void>(() => {});
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recorder() {
  const errors: string[] = [];
  const lifecycle = createLifecycle((name, error) =>
    errors.push(`${name}: ${(error as Error).message}`),
  );
  return { errors, lifecycle };
}

describe('createLifecycle', () => {
  it('closes in reverse order of start', async () => {
    const { errors, lifecycle } = recorder();
    const order: string[] = [];
    for (const name of ['redis', 'queues', 'worker']) {
      lifecycle.add({ name, close: async () => void order.push(name) });
    }
    await lifecycle.closeAll(1_000);
    expect(order).toEqual(['worker', 'queues', 'redis']);
    expect(errors).toEqual([]);
  });

  it('returns by the deadline plus the force grace even when neither close nor force settles', async () => {
    const { errors, lifecycle } = recorder();
    let redisClosed = false;
    lifecycle.add({
      name: 'redis',
      close: async () => {
        redisClosed = true;
      },
    });
    lifecycle.add({ name: 'stuck', close: never, force: never });
    const started = Date.now();
    await lifecycle.closeAll(200);
    expect(Date.now() - started).toBeLessThan(200 + FORCE_GRACE_MS + 300);
    expect(redisClosed).toBe(true);
    expect(errors).toEqual(['stuck: still closing after 200 ms; left behind']);
  });

  it('shares one deadline among all resources instead of giving each its own', async () => {
    const { lifecycle } = recorder();
    const forced: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      lifecycle.add({
        name,
        close: () => after(150),
        force: async () => void forced.push(name),
      });
    }
    const started = Date.now();
    await lifecycle.closeAll(200);
    // Each would take 150 ms: the first fits, the second runs out the deadline, the third is forced at once.
    expect(Date.now() - started).toBeLessThan(450);
    expect(forced).toEqual(['b', 'a']);
  });

  it('reports a close that fails, and one that fails after being left behind does not go unhandled', async () => {
    const { errors, lifecycle } = recorder();
    lifecycle.add({
      name: 'late',
      close: () => after(300).then(() => Promise.reject(new Error('boom late'))),
    });
    lifecycle.add({ name: 'broken', close: () => Promise.reject(new Error('boom')) });
    await lifecycle.closeAll(50);
    expect(errors).toEqual(['broken: boom', 'late: still closing after 50 ms; left behind']);
    await after(400); // an unhandled rejection here would fail the run
  });
});

describe('workerCloser', () => {
  it('aborts the active jobs when forced, so the pending close can finish', async () => {
    const job = new AbortController();
    const closing = new Promise<void>((resolve) =>
      job.signal.addEventListener('abort', () => resolve()),
    );
    const worker = { close: () => closing, cancelAllJobs: () => job.abort() };
    const closer: Closer = workerCloser('worker', worker);
    const { errors, lifecycle } = recorder();
    lifecycle.add(closer);
    await lifecycle.closeAll(100);
    expect(job.signal.aborted).toBe(true);
    expect(errors).toEqual([]);
  });
});
