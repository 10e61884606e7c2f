import {
  errorKind,
  HeraldError,
  type Logger,
  type PostPart,
  type PostPlan,
  permanent,
} from '@herald/core';
import { AMBIGUOUS, type InstanceLimits, type MastodonClient } from '@herald/mastodon';
import { contentHash } from './content-hash.ts';
import type { Ledger, MediaRecord, PostIntent } from './ledger.ts';
import type { MediaFetcher } from './media/media-fetcher.ts';
import { findPosted, type ReconcileOptions } from './reconcile.ts';

export type PartAction = 'posted' | 'edited' | 'skipped' | 'reconciled';

export interface PartOutcome {
  index: number;
  statusId: string;
  action: PartAction;
}

export interface PartContext {
  account: string;
  client: MastodonClient;
  ledger: Ledger;
  logger: Logger;
  media: Pick<MediaFetcher, 'fetch'>;
  limits: () => Promise<InstanceLimits>;
  uploads: {
    get(hash: string): MediaRecord[] | undefined;
    save(hash: string, media: MediaRecord[]): Promise<void>;
  };
  reconcile: ReconcileOptions;
  now: () => number;
  signal: AbortSignal | undefined;
}

/** Alt text cut to the instance's limit (codepoints), rather than refused. */
function fitAlt(alt: string, limit: number): string {
  const points = Array.from(alt);
  return points.length <= limit ? alt : `${points.slice(0, limit - 1).join('')}…`;
}

/** Uploads the part's media (reusing what an edit's status or an earlier attempt already has). */
async function mediaFor(
  ctx: PartContext,
  part: PostPart,
  hash: string,
  attached: MediaRecord[] = [],
): Promise<MediaRecord[]> {
  if (part.media.length === 0) return [];
  const cached = ctx.uploads.get(hash);
  if (cached) return cached;
  const limits = await ctx.limits();
  const wanted = part.media.slice(0, limits.maxMedia);
  if (wanted.length < part.media.length) {
    ctx.logger.warn(
      { account: ctx.account, part: part.index, dropped: part.media.length - wanted.length },
      'more media than the instance allows; extra attachments dropped',
    );
  }
  const records: MediaRecord[] = [];
  for (const candidate of wanted) {
    const alt = candidate.alt ?? '';
    const reuse = attached.find((m) => m.url === candidate.url && m.alt === alt);
    if (reuse) {
      records.push(reuse);
      continue;
    }
    const file = await ctx.media.fetch(candidate, limits.media, { signal: ctx.signal });
    const uploaded = await ctx.client.uploadMedia(
      {
        data: file.data,
        filename: file.filename,
        contentType: file.contentType,
        description: alt ? fitAlt(alt, limits.media.descriptionLimit) : undefined,
      },
      { signal: ctx.signal },
    );
    records.push({ url: candidate.url, alt, id: uploaded.data.id });
  }
  await ctx.uploads.save(hash, records);
  return records;
}

/**
 * Looks for the status an earlier attempt may have posted. When the token may not list the
 * account's statuses (a permanent error), the post goes ahead with the same Idempotency-Key,
 * which the server honours for an hour.
 */
async function reconcile(ctx: PartContext, intent: PostIntent, index: number) {
  try {
    return await findPosted(ctx.client, intent, ctx.logger, {
      ...ctx.reconcile,
      signal: ctx.signal,
    });
  } catch (error) {
    if (errorKind(error) !== 'permanent') throw error;
    ctx.logger.warn(
      { account: ctx.account, part: index, reason: (error as Error).message },
      'cannot reconcile an ambiguous post; relying on the Idempotency-Key',
    );
    return undefined;
  }
}

/**
 * Publishes one part, idempotently: same hash in the ledger → skip; a different hash → edit
 * (full replacement); absent → reconcile if an earlier attempt left an intent, else upload
 * media and post with `Idempotency-Key` = content hash. Records in the ledger right after.
 */
export async function publishPart(
  ctx: PartContext,
  plan: PostPlan,
  part: PostPart,
  statusIds: ReadonlyMap<number, string>,
): Promise<PartOutcome> {
  const hash = contentHash(ctx.account, part, plan);
  const { itemKey } = plan;
  const entry = await ctx.ledger.get(itemKey, part.index);
  if (entry?.contentHash === hash) {
    return { index: part.index, statusId: entry.statusId, action: 'skipped' };
  }

  if (entry) {
    // Mastodon cannot edit visibility or the reply target; text, CW, language, sensitivity
    // and media are replaced as a whole.
    const media = await mediaFor(ctx, part, hash, entry.media);
    await ctx.client.editStatus(
      entry.statusId,
      {
        status: part.text,
        spoiler_text: part.spoilerText,
        sensitive: part.sensitive,
        language: part.language ?? null,
        media_ids: media.map((m) => m.id),
      },
      { signal: ctx.signal },
    );
    await ctx.ledger.record(itemKey, part.index, {
      ...entry,
      contentHash: hash,
      editedAt: new Date(ctx.now()).toISOString(),
      media,
    });
    return { index: part.index, statusId: entry.statusId, action: 'edited' };
  }

  let inReplyToId: string | undefined;
  if (part.replyToIndex !== undefined) {
    inReplyToId = statusIds.get(part.replyToIndex);
    if (!inReplyToId) {
      throw permanent(
        'HERALD_PUBLISH_BAD_PLAN',
        `part ${part.index} replies to part ${part.replyToIndex}, which comes later or is missing`,
      );
    }
  }

  const intent = await ctx.ledger.intent(itemKey, part.index);
  if (intent) {
    const found = await reconcile(ctx, intent, part.index);
    if (found) {
      await ctx.ledger.record(itemKey, part.index, {
        statusId: found.id,
        contentHash: intent.contentHash,
        postedAt: found.created_at,
        media: intent.media,
      });
      // The found status may be an older version of this part: settle it like any other.
      const settled = await publishPart(ctx, plan, part, statusIds);
      return settled.action === 'skipped' ? { ...settled, action: 'reconciled' } : settled;
    }
  }

  const media = await mediaFor(ctx, part, hash);
  await ctx.ledger.recordIntent(itemKey, part.index, {
    contentHash: hash,
    text: part.text,
    spoilerText: part.spoilerText,
    ...(inReplyToId === undefined ? {} : { inReplyToId }),
    media,
    startedAt: ctx.now(),
  });
  try {
    const posted = await ctx.client.postStatus(
      {
        status: part.text,
        spoiler_text: part.spoilerText,
        visibility: part.visibility,
        ...(part.language ? { language: part.language } : {}),
        sensitive: part.sensitive,
        media_ids: media.map((m) => m.id),
        ...(inReplyToId === undefined ? {} : { in_reply_to_id: inReplyToId }),
      },
      { idempotencyKey: hash, signal: ctx.signal },
    );
    await ctx.ledger.record(itemKey, part.index, {
      statusId: posted.data.id,
      contentHash: hash,
      postedAt: posted.data.created_at ?? new Date(ctx.now()).toISOString(),
      media,
    });
    return { index: part.index, statusId: posted.data.id, action: 'posted' };
  } catch (error) {
    // Only a classified "not posted" clears the intent; ambiguous or unknown keeps it, so the
    // next attempt reconciles first.
    if (error instanceof HeraldError && error.code !== AMBIGUOUS) {
      await ctx.ledger.clearIntent(itemKey, part.index);
    }
    throw error;
  }
}
