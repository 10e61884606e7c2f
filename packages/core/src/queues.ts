import { z } from 'zod';
import { HeraldError } from './errors.ts';
import type { SourceItem } from './items.ts';
import type { PostPlan } from './post-plan.ts';

/**
 * Queue names and job payloads: the contract between stages. Job data is JSON from Redis,
 * so every worker validates it with `parseJob` before use.
 */
export const QUEUE_POLL = 'poll';
export const QUEUE_FORMAT = 'format';
/** One publish queue per account, so each account is paced on its own. */
export const publishQueueName = (account: string) => `publish-${account}`;

const mediaSchema = z.object({
  url: z.string(),
  type: z.string().optional(),
  alt: z.string().optional(),
});

const sourceItemSchema = z.object({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('feed'), feedId: z.string() }),
    z.object({ kind: z.literal('github'), repo: z.string(), event: z.string() }),
  ]),
  itemKey: z.string().min(1),
  url: z.string().optional(),
  title: z.string().optional(),
  contentHtml: z.string().optional(),
  summaryHtml: z.string().optional(),
  author: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  categories: z.array(z.string()),
  media: z.array(mediaSchema),
  language: z.string().optional(),
  sourceTitle: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<SourceItem>;

const postPartSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  spoilerText: z.string(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  language: z.string().optional(),
  sensitive: z.boolean(),
  media: z.array(mediaSchema),
  replyToIndex: z.number().int().min(0).optional(),
});

const postPlanSchema = z.object({
  account: z.string(),
  itemKey: z.string(),
  route: z.string(),
  parts: z.array(postPartSchema).min(1),
}) satisfies z.ZodType<PostPlan>;

export const jobSchemas = {
  poll: z.object({ feedId: z.string() }),
  format: z.object({ item: sourceItemSchema }),
  publish: z.object({
    plan: postPlanSchema,
    /** The source item, so a re-fit after a 422 can format it again with a margin. */
    item: sourceItemSchema.optional(),
    /** Set when the publisher asks for one re-fit after a 422 "character limit". */
    refit: z.number().int().min(0).optional(),
  }),
} as const;

export type JobKindName = keyof typeof jobSchemas;
export type JobData<K extends JobKindName> = z.infer<(typeof jobSchemas)[K]>;
export type PollJob = JobData<'poll'>;
export type FormatJob = JobData<'format'>;
export type PublishJob = JobData<'publish'>;

/** Validates job data taken from Redis; a malformed payload is a permanent error. */
export function parseJob<K extends JobKindName>(kind: K, data: unknown): JobData<K> {
  const result = jobSchemas[kind].safeParse(data);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new HeraldError(`invalid ${kind} job data: ${where.join('; ')}`, {
      code: 'HERALD_BAD_JOB_DATA',
      kind: 'permanent',
    });
  }
  return result.data as JobData<K>;
}
