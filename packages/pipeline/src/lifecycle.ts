import type { Worker } from 'bullmq';

/**
 * Ordered shutdown: resources are closed in reverse order of start, all within one deadline
 * (BullMQ's `worker.close()` waits for active jobs with no timeout of its own).
 */
export interface Closer {
  name: string;
  close(): Promise<void>;
  /**
   * Called when `close` misses the deadline: it must make the pending close finish, e.g. by
   * aborting active jobs (`worker.close(true)` alone does not: it returns the pending close).
   */
  force?(): Promise<void>;
}

/** How long a forced close may take, on top of the deadline, before shutdown goes on without it. */
export const FORCE_GRACE_MS = 1_000;

export function createLifecycle(onError: (name: string, error: unknown) => void) {
  const closers: Closer[] = [];
  return {
    add(closer: Closer) {
      closers.push(closer);
    },
    /** Closes everything; returns by `deadlineMs` + `FORCE_GRACE_MS` at the latest. */
    async closeAll(deadlineMs: number) {
      const deadline = Date.now() + deadlineMs;
      for (const closer of closers.splice(0).reverse()) {
        try {
          if (await settlesBy(closer.close(), deadline)) continue;
          if (closer.force && (await settlesBy(closer.force(), deadline + FORCE_GRACE_MS)))
            continue;
          onError(closer.name, new Error(`still closing after ${deadlineMs} ms; left behind`));
        } catch (error) {
          onError(closer.name, error);
        }
      }
    },
  };
}

/** True when `work` settles by `deadline` (epoch ms); its rejection is rethrown, or dropped if late. */
async function settlesBy(work: Promise<void>, deadline: number): Promise<boolean> {
  const done = work.then(() => true);
  done.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A BullMQ worker's closer. Forcing aborts the signals of its active jobs (at-least-once: they
 * run again, and the publisher reconciles an interrupted post), so the pending close finishes.
 */
export function workerCloser(
  name: string,
  worker: Pick<Worker, 'close' | 'cancelAllJobs'>,
  close: () => Promise<void> = () => worker.close(),
): Closer {
  return {
    name,
    close,
    force: async () => {
      worker.cancelAllJobs();
      await close();
    },
  };
}
