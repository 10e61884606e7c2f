/**
 * Ordered shutdown: resources are closed in reverse order of start, each within a deadline
 * (BullMQ's `worker.close()` waits for active jobs with no timeout of its own).
 */
export interface Closer {
  name: string;
  close(): Promise<void>;
  /** Called when `close` misses the deadline, e.g. `worker.close(true)`. */
  force?(): Promise<void>;
}

export function createLifecycle(onError: (name: string, error: unknown) => void) {
  const closers: Closer[] = [];
  return {
    add(closer: Closer) {
      closers.push(closer);
    },
    async closeAll(deadlineMs: number) {
      for (const closer of closers.splice(0).reverse()) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), deadlineMs);
        });
        try {
          const outcome = await Promise.race([
            closer.close().then(() => 'done' as const),
            deadline,
          ]);
          if (outcome === 'late') await closer.force?.();
        } catch (error) {
          onError(closer.name, error);
        } finally {
          clearTimeout(timer);
        }
      }
    },
  };
}
