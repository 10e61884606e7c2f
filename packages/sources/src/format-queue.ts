import { type FormatJob, jobId, type SourceItem } from '@herald/core';
import type { JobsOptions, Queue } from 'bullmq';

/** What sources need of the `format` queue. */
export type FormatQueue = Pick<Queue<FormatJob>, 'add'>;

/**
 * Enqueues items on the `format` queue, in the given order, one job per item with the id
 * `jobId('format', sourceId, itemKey)`: adding the same item again is a no-op while the
 * job exists, and the ledger catches anything later.
 */
export async function enqueueItems(
  queue: FormatQueue,
  sourceId: string,
  items: readonly SourceItem[],
  jobOptions: JobsOptions = {},
): Promise<void> {
  for (const item of items) {
    await queue.add(
      'format',
      { item },
      { ...jobOptions, jobId: jobId('format', sourceId, item.itemKey) },
    );
  }
}
