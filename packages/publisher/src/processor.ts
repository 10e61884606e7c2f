import {
  HeraldError,
  type Logger,
  type PostPlan,
  parseJob,
  permanent,
  runClassified,
  type SourceItem,
} from '@herald/core';
import { type InstanceLimits, type MastodonClient, TOO_LONG } from '@herald/mastodon';
import type { Job, Worker } from 'bullmq';
import { dryRunPlan } from './dry-run.ts';
import { createLedger, type LedgerDeps, type MediaRecord } from './ledger.ts';
import type { MediaFetcher } from './media/media-fetcher.ts';
import { type PartContext, type PartOutcome, publishPart } from './publish-part.ts';
import type { ReconcileOptions } from './reconcile.ts';
import { readUploadCache } from './upload-cache.ts';

export interface PublishDeps extends LedgerDeps {
  logger: Logger;
  /** The account's Mastodon client; not needed (nor used) for a dry-run account. */
  client?: MastodonClient;
  /** The account's instance limits (cached). */
  limits: () => Promise<InstanceLimits>;
  media: Pick<MediaFetcher, 'fetch'>;
  /**
   * Re-fits a plan the server rejected as too long, keeping `margin` characters free below
   * the instance limit (the formatter). Called at most once per job.
   */
  refit?: (plan: PostPlan, margin: number, item?: SourceItem) => Promise<PostPlan>;
  /** Whatever pauses this account's queue on a rate limit (its Worker). */
  rateLimiter?: Pick<Worker, 'rateLimit'>;
  now?: () => number;
}

export interface PublishOptions {
  account: string;
  /** Posts nothing; logs and records under `keys.dryRun(account)`. @defaultValue false */
  dryRun?: boolean;
  /** Characters kept free by the re-fit after a 422 "character limit". @defaultValue 10 */
  refitMargin?: number;
  /** How long uploaded media may be reused by a retry. @defaultValue 21600000 (6 h) */
  uploadReuseMs?: number;
  reconcile?: Omit<ReconcileOptions, 'signal'>;
}

export interface PublishResult {
  account: string;
  itemKey: string;
  dryRun: boolean;
  parts: PartOutcome[];
}

export type PublishJob = Pick<Job, 'id' | 'data' | 'updateData'>;

/**
 * The BullMQ processor of one account's publish queue. Parts go in order; each is checked
 * against the ledger and recorded right after it succeeds, so a retry resumes after the parts
 * already done. Errors are translated to BullMQ by `runClassified`, in one place.
 */
export function createPublishProcessor(deps: PublishDeps, options: PublishOptions) {
  const now = deps.now ?? Date.now;
  const dryRun = options.dryRun === true;
  const ledger = createLedger(deps, { account: options.account, dryRun });
  const reuseMs = options.uploadReuseMs ?? 6 * 3_600_000;
  if (!dryRun && !deps.client) throw new TypeError(`account ${options.account} needs a client`);

  async function publish(job: PublishJob, signal: AbortSignal | undefined): Promise<PublishResult> {
    const data = parseJob('publish', job.data);
    let plan = data.plan;
    if (plan.account !== options.account) {
      throw permanent(
        'HERALD_PUBLISH_WRONG_ACCOUNT',
        `job for account ${plan.account} reached the queue of ${options.account}`,
      );
    }
    const result = (parts: PartOutcome[]): PublishResult => ({
      account: options.account,
      itemKey: plan.itemKey,
      dryRun,
      parts,
    });
    if (dryRun) {
      const limits = await deps.limits();
      return result(
        await dryRunPlan(options.account, plan, { ledger, logger: deps.logger, limits, now }),
      );
    }

    const uploads = readUploadCache(job.data);
    const ctx: PartContext = {
      account: options.account,
      client: deps.client!,
      ledger,
      logger: deps.logger,
      media: deps.media,
      limits: deps.limits,
      uploads: {
        get: (hash) => {
          const entry = uploads[hash];
          return entry && now() - entry.at < reuseMs ? entry.media : undefined;
        },
        save: async (hash: string, media: MediaRecord[]) => {
          uploads[hash] = { media, at: now() };
          await job.updateData({ ...(job.data as object), uploads } as typeof job.data);
        },
      },
      reconcile: options.reconcile ?? {},
      now,
      signal,
    };

    let refits = data.refit ?? 0;
    for (;;) {
      try {
        const outcomes: PartOutcome[] = [];
        const statusIds = new Map<number, string>();
        for (const part of [...plan.parts].sort((a, b) => a.index - b.index)) {
          const outcome = await publishPart(ctx, plan, part, statusIds);
          statusIds.set(part.index, outcome.statusId);
          outcomes.push(outcome);
          if (outcome.action !== 'skipped') {
            deps.logger.info(
              { account: options.account, itemKey: plan.itemKey, ...outcome },
              `part ${outcome.action}`,
            );
          }
        }
        return result(outcomes);
      } catch (error) {
        if (!(error instanceof HeraldError) || error.code !== TOO_LONG || !deps.refit) throw error;
        if (refits > 0) {
          throw permanent(TOO_LONG, `still too long after a re-fit: ${error.message}`, {
            status: error.status,
          });
        }
        // The server counts differently from our formatter (or the limit changed): re-fit
        // once with a margin; parts already posted are edited if their text changed.
        const margin = options.refitMargin ?? 10;
        deps.logger.warn(
          { account: options.account, itemKey: plan.itemKey, margin },
          're-fitting a post the server found too long',
        );
        const refitted = await deps.refit(plan, margin, data.item);
        if (refitted.account !== plan.account || refitted.itemKey !== plan.itemKey) {
          throw permanent(
            'HERALD_PUBLISH_BAD_PLAN',
            're-fit changed the account or item of a plan',
          );
        }
        plan = refitted;
        refits += 1;
        await job.updateData({ ...(job.data as object), plan, refit: refits } as typeof job.data);
      }
    }
  }

  return (job: PublishJob, _token?: string, signal?: AbortSignal): Promise<PublishResult> =>
    runClassified(deps.rateLimiter, () => publish(job, signal), now);
}
