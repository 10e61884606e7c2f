import { createPublishWorker } from '@herald/publisher';
import type { RoleContext } from './herald.ts';
import { type createLifecycle, workerCloser } from './lifecycle.ts';
import { createRefit } from './refit.ts';

/**
 * One publish worker per configured account, each paced on its own. Each account's queue runs
 * one job at a time across all replicas: two jobs of one item (re-planned, so with a new job
 * id) would otherwise both find the ledger empty and both post; and posts keep their order.
 */
export async function startPublishers(
  ctx: RoleContext,
  lifecycle: ReturnType<typeof createLifecycle>,
): Promise<void> {
  const refit = createRefit(ctx.config, ctx.collaborators);
  for (const [name, account] of Object.entries(ctx.config.accounts)) {
    await ctx.workerQueues.publish(name).setGlobalConcurrency(1);
    const publisher = createPublishWorker(
      {
        connection: ctx.workerConnection,
        keys: ctx.keys,
        logger: ctx.logger,
        limitsCache: ctx.collaborators.limitsCache,
        refit,
      },
      {
        account: { name, instance: account.instance, token: account.token, dryRun: account.dryRun },
        workers: ctx.config.workers,
        media: ctx.collaborators.mediaGuard,
      },
    );
    lifecycle.add(workerCloser(`publish-worker-${name}`, publisher.worker, publisher.close));
  }
}
