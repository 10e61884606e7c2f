import type { HeraldConfig, Route } from '@herald/config';
import { routesFor } from '@herald/config';
import {
  errorKind,
  type Logger,
  type PostPlan,
  parseJob,
  permanent,
  type SourceItem,
} from '@herald/core';
import { type InstanceLimits, planPost, type Shortener } from '@herald/format';

export interface FormatDeps {
  config: HeraldConfig;
  logger: Logger;
  /** The account's limits (instance metadata, cached). */
  instanceLimits: (account: string) => Promise<InstanceLimits>;
  shortenerFor: (route: Route) => Shortener;
  /** Adds the plan (and its item, for a re-fit) to the account's publish queue, idempotently. */
  enqueuePublish: (plan: PostPlan, item: SourceItem) => Promise<void>;
}

export interface FormatResult {
  enqueued: string[];
  filtered: { route: string; rule: string }[];
}

/**
 * The `format` stage: one source item → one publish job per route. A route that can never be
 * posted (permanent error) does not stop the others; the job then fails with every reason, so
 * the item is visible in `herald failed` and replayable. A transient error does not stop the
 * others either: every route is tried, then the whole job retries; routes already enqueued are
 * deduplicated by their job ids and by the publisher's ledger.
 */
export function createFormatProcessor(deps: FormatDeps) {
  return async (data: unknown): Promise<FormatResult> => {
    const { item } = parseJob('format', data);
    const routes = routesFor(deps.config, item.source);
    const result: FormatResult = { enqueued: [], filtered: [] };
    if (routes.length === 0) {
      deps.logger.warn(
        { itemKey: item.itemKey, source: item.source },
        'item has no route in the config',
      );
      return result;
    }
    const failures: string[] = [];
    let retry: { error: unknown } | undefined;
    for (const route of routes) {
      try {
        const limits = await deps.instanceLimits(route.account);
        const planned = await planPost(item, route, limits, {
          shortener: deps.shortenerFor(route),
        });
        if (planned.status === 'filtered') {
          result.filtered.push({ route: route.id, rule: planned.rule });
          deps.logger.info(
            { route: route.id, itemKey: item.itemKey, rule: planned.rule },
            'item filtered',
          );
          continue;
        }
        await deps.enqueuePublish(planned.plan, item);
        result.enqueued.push(route.id);
      } catch (error) {
        if (errorKind(error) !== 'permanent') retry ??= { error };
        else failures.push(`${route.id}: ${(error as Error).message}`);
      }
    }
    if (retry) throw retry.error;
    if (failures.length > 0) throw permanent('HERALD_FORMAT_FAILED', failures.join('; '));
    return result;
  };
}
