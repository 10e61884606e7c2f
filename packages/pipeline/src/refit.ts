import { type HeraldConfig, routesFor } from '@herald/config';
import { type PostPlan, permanent, type SourceItem } from '@herald/core';
import { planPost } from '@herald/format';
import { accountLimits, type Collaborators } from './collaborators.ts';

/**
 * The publisher's one re-fit after an instance answered 422 "character limit" (forks count
 * differently, or its limit changed): fetch the limits afresh and format the item again for
 * the same route, keeping `margin` characters free.
 */
export function createRefit(config: HeraldConfig, collaborators: Collaborators) {
  return async (plan: PostPlan, margin: number, item?: SourceItem): Promise<PostPlan> => {
    if (!item)
      throw permanent(
        'HERALD_REFIT_NO_ITEM',
        'the job does not carry its item, so it cannot be re-fitted',
      );
    const route = routesFor(config, item.source).find((r) => r.id === plan.route);
    if (!route)
      throw permanent('HERALD_REFIT_NO_ROUTE', `route ${plan.route} is no longer in the config`);
    // The limit may have changed since it was cached: ask the instance again.
    const instance = config.accounts[route.account]?.instance;
    if (instance) await collaborators.limitsCache.invalidate(instance);
    const limits = await accountLimits(config, collaborators.limitsCache, route.account);
    const result = await planPost(
      item,
      route,
      limits,
      { shortener: collaborators.shortenerFor(route) },
      { margin },
    );
    if (result.status === 'filtered') {
      throw permanent(
        'HERALD_REFIT_FILTERED',
        `route ${plan.route} now filters the item (${result.rule})`,
      );
    }
    return result.plan;
  };
}
