import type { Logger, PostPlan } from '@herald/core';
import { countStatus } from '@herald/format';
import type { InstanceLimits } from '@herald/mastodon';
import { contentHash } from './content-hash.ts';
import type { Ledger } from './ledger.ts';
import type { PartOutcome } from './publish-part.ts';

/**
 * A dry-run account posts nothing: it logs the post it would make and records it under
 * `keys.dryRun(account)` (the ledger it is given), so a repeat logs only what changed. Each
 * line carries the status's length as the server would count it, against the limit.
 */
export async function dryRunPlan(
  account: string,
  plan: PostPlan,
  deps: { ledger: Ledger; logger: Logger; limits: InstanceLimits; now: () => number },
): Promise<PartOutcome[]> {
  const { ledger, logger, limits, now } = deps;
  const outcomes: PartOutcome[] = [];
  for (const part of [...plan.parts].sort((a, b) => a.index - b.index)) {
    const hash = contentHash(account, part, plan);
    const entry = await ledger.get(plan.itemKey, part.index);
    const statusId = entry?.statusId ?? `dry-run-${hash.slice(0, 16)}`;
    if (entry?.contentHash === hash) {
      outcomes.push({ index: part.index, statusId, action: 'skipped' });
      continue;
    }
    logger.info(
      {
        account,
        itemKey: plan.itemKey,
        route: plan.route,
        part: part.index,
        text: part.text,
        spoilerText: part.spoilerText,
        length: countStatus(part.text, part.spoilerText, limits.urlChars),
        limit: limits.maxCharacters,
        visibility: part.visibility,
        language: part.language,
        sensitive: part.sensitive,
        media: part.media.map((m) => ({ url: m.url, alt: m.alt ?? '' })),
        replyToIndex: part.replyToIndex,
      },
      entry ? 'dry run: would edit' : 'dry run: would post',
    );
    const at = new Date(now()).toISOString();
    await ledger.record(plan.itemKey, part.index, {
      statusId,
      contentHash: hash,
      postedAt: entry?.postedAt ?? at,
      ...(entry ? { editedAt: at } : {}),
      media: [],
    });
    outcomes.push({ index: part.index, statusId, action: entry ? 'edited' : 'posted' });
  }
  return outcomes;
}
