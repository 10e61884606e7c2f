import { createPublishWorker } from '@herald/publisher';
import type { RoleContext } from './herald.ts';
import type { createLifecycle } from './lifecycle.ts';
import { createRefit } from './refit.ts';

/** One publish worker per configured account, each paced on its own. */
export function startPublishers(
  ctx: RoleContext,
  lifecycle: ReturnType<typeof createLifecycle>,
): void {
  const refit = createRefit(ctx.config, ctx.collaborators);
  for (const [name, account] of Object.entries(ctx.config.accounts)) {
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
    lifecycle.add({
      name: `publish-worker-${name}`,
      close: () => publisher.close(),
      force: () => publisher.worker.close(true),
    });
  }
}
