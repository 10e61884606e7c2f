// Creating and editing a status the way PostStatusService / UpdateStatusService and the Status
// model do it (reference/mastodon-server.md §1, §2, §3.6, §7.1): media rules first, then the
// CW/text shuffle, stripping, validation (422), the statuses rate limit (429), and only then
// any change to state.
import type { UserCaller } from './auth.ts';
import {
  ApiError,
  apiError,
  RAILS_INTERNAL_ERROR,
  RECORD_NOT_FOUND,
  validationFailed,
} from './errors.ts';
import { DEFAULT_LANGUAGE, isSupportedLanguage } from './languages.ts';
import { countStatusLength, isBlank, rubyStrip } from './length/count.ts';
import type { SandboxSettings } from './options.ts';
import { arrayParam, booleanParam, idParam, type Params, stringParam } from './params.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { MediaRecord, SandboxState, StatusRecord, Visibility } from './state.ts';
import { isProcessed } from './state.ts';

export interface WriteContext {
  state: SandboxState;
  settings: SandboxSettings;
  limiter: RateLimiter;
}

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct'];
const IDEMPOTENCY_TTL_MS = 3_600_000;
const SCHEDULE_MIN_LEAD_MS = 5 * 60_000;
const NOT_READY = 'Cannot attach files that have not finished processing. Try again in a moment!';
const IMAGES_AND_VIDEO = 'Cannot attach a video to a post that already contains images';

/** Whether `viewer` may see the status (no follows in the sandbox: private/direct are the author's). */
export function canSee(status: StatusRecord, viewerId: string | null): boolean {
  return (
    status.accountId === viewerId ||
    status.visibility === 'public' ||
    status.visibility === 'unlisted'
  );
}

const isAudioOrVideo = (media: MediaRecord) => media.type === 'audio' || media.type === 'video';
const unique = (ids: string[]) => [...new Set(ids)];

function checkCombination(ctx: WriteContext, media: MediaRecord[]): void {
  if (media.length > 1 && media.some(isAudioOrVideo)) throw apiError(422, IMAGES_AND_VIDEO);
  if (media.some((m) => !isProcessed(ctx.state, m))) throw apiError(422, NOT_READY);
}

function tooMany(ctx: WriteContext): ApiError {
  return apiError(422, `Cannot attach more than ${ctx.settings.maxMediaAttachments} files`);
}

// PostStatusService#validate_media!: every id must be this account's unattached media.
function mediaForCreate(ctx: WriteContext, accountId: string, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return [];
  if (ids.length > ctx.settings.maxMediaAttachments) throw tooMany(ctx);
  const wanted = unique(ids.map(idParam));
  const found = wanted
    .map((id) => ctx.state.media.get(id))
    .filter((m): m is MediaRecord => m?.accountId === accountId && m.statusId === null);
  const missing = ids.map(idParam).filter((id) => !found.some((m) => m.id === id));
  if (missing.length > 0) {
    throw apiError(
      422,
      `Media ${missing.join(', ')} not found or already attached to another post`,
    );
  }
  checkCombination(ctx, found);
  return found;
}

// UpdateStatusService#validate_media!: unknown ids are dropped silently; media already on this
// status may stay.
function mediaForEdit(ctx: WriteContext, status: StatusRecord, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return [];
  if (ids.length > ctx.settings.maxMediaAttachments) throw tooMany(ctx);
  const found = unique(ids.slice(0, ctx.settings.maxMediaAttachments).map(idParam))
    .map((id) => ctx.state.media.get(id))
    .filter(
      (m): m is MediaRecord =>
        m?.accountId === status.accountId && (m.statusId === null || m.statusId === status.id),
    );
  checkCombination(ctx, found);
  return found;
}

function rejectUnsupported(ctx: WriteContext, params: Params): void {
  if (Object.keys(params).some((key) => key === 'poll' || key.startsWith('poll['))) {
    throw apiError(422, 'The Herald sandbox does not support polls');
  }
  const scheduledAt = stringParam(params, 'scheduled_at');
  if (scheduledAt === undefined || isBlank(scheduledAt)) return;
  const at = Date.parse(scheduledAt);
  if (Number.isNaN(at)) throw apiError(422, 'Record invalid');
  const now = ctx.state.now();
  if (at <= now) return; // Mastodon posts at once when the time has passed.
  if (at - now < SCHEDULE_MIN_LEAD_MS) {
    throw validationFailed(['Scheduled at date must be in the future']);
  }
  throw apiError(422, 'The Herald sandbox does not support scheduled_at');
}

function validate(
  ctx: WriteContext,
  fields: { text: string; spoilerText: string; visibility?: string; withMedia: boolean },
): void {
  const errors: string[] = [];
  if (fields.visibility !== undefined && !VISIBILITIES.includes(fields.visibility)) {
    errors.push('Visibility is not included in the list');
  }
  if (isBlank(fields.text) && !fields.withMedia) errors.push("Text can't be blank");
  const { maxCharacters, urlChars } = ctx.settings;
  if (countStatusLength(fields.text, fields.spoilerText, urlChars) > maxCharacters) {
    errors.push(`Text character limit of ${maxCharacters} exceeded`);
  }
  if (errors.length > 0) throw validationFailed(errors);
}

function recordStatus(ctx: WriteContext, accountId: string): void {
  if (!ctx.limiter.recordStatus(accountId)) throw apiError(429, 'Too many requests');
}

/** `POST /api/v1/statuses` after authentication. */
export function createStatus(
  ctx: WriteContext,
  caller: UserCaller,
  params: Params,
  idempotencyKey: string | undefined,
): StatusRecord {
  const { state } = ctx;
  const account = caller.account;
  const replyId = stringParam(params, 'in_reply_to_id');
  let thread: StatusRecord | undefined;
  if (replyId !== undefined && replyId !== '') {
    thread = state.statuses.get(idParam(replyId));
    if (!thread || !canSee(thread, account.id)) {
      throw apiError(404, 'The post you are trying to reply to does not appear to exist.');
    }
  }
  const keyName =
    idempotencyKey && !isBlank(idempotencyKey) ? `${account.id}:${idempotencyKey}` : undefined;
  const remembered = keyName ? state.idempotency.get(keyName) : undefined;
  if (remembered && remembered.expiresAt > state.now()) {
    // 4.6–4.7 crash on the duplicate path (issue #40399); earlier versions re-serialize.
    if (ctx.settings.idempotency === 'repeat-500') throw new ApiError(500, RAILS_INTERNAL_ERROR);
    const original = state.statuses.get(remembered.statusId);
    if (!original) throw apiError(404, RECORD_NOT_FOUND);
    return original;
  }
  rejectUnsupported(ctx, params);
  const media = mediaForCreate(ctx, account.id, arrayParam(params, 'media_ids'));

  let text = stringParam(params, 'status') ?? '';
  let spoilerText = stringParam(params, 'spoiler_text') ?? '';
  const hasSpoiler = !isBlank(spoilerText);
  const sensitive = (booleanParam(params, 'sensitive') ?? false) || hasSpoiler;
  if (isBlank(text) && hasSpoiler) {
    // A CW without a body becomes the body.
    text = spoilerText;
    spoilerText = '';
  }
  const visibility = stringParam(params, 'visibility') || 'public';
  const language = stringParam(params, 'language');
  text = rubyStrip(text);
  spoilerText = rubyStrip(spoilerText);
  validate(ctx, { text, spoilerText, visibility, withMedia: media.length > 0 });
  recordStatus(ctx, account.id);

  const status: StatusRecord = {
    id: state.nextId(),
    accountId: account.id,
    appId: caller.token.appId,
    text,
    spoilerText,
    visibility: visibility as Visibility,
    language: isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE,
    sensitive,
    inReplyToId: thread?.id ?? null,
    inReplyToAccountId: thread?.accountId ?? null,
    mediaIds: media.map((m) => m.id),
    createdAt: state.now(),
    editedAt: null,
    idempotencyKey: keyName ? idempotencyKey! : null,
  };
  state.statuses.set(status.id, status);
  for (const m of media) m.statusId = status.id;
  if (keyName) {
    state.idempotency.set(keyName, {
      statusId: status.id,
      expiresAt: state.now() + IDEMPOTENCY_TTL_MS,
    });
  }
  return status;
}

/** `PUT /api/v1/statuses/:id` after authentication: a full replacement of the editable fields. */
export function updateStatus(
  ctx: WriteContext,
  caller: UserCaller,
  id: string,
  params: Params,
): StatusRecord {
  const status = ctx.state.statuses.get(idParam(id));
  if (!status || !canSee(status, caller.account.id)) throw apiError(404, RECORD_NOT_FOUND);
  if (status.accountId !== caller.account.id) throw apiError(403, 'This action is not allowed');
  rejectUnsupported(ctx, params);

  const requested = arrayParam(params, 'media_ids') ?? [];
  const media = mediaForEdit(ctx, status, requested);
  const mediaIds = unique(requested.map(idParam)).filter((mid) => media.some((m) => m.id === mid));
  const mediaChanged = mediaIds.join(',') !== status.mediaIds.join(',');

  // Every editable key is always sent to the service: omitted ones are cleared.
  const rawText = stringParam(params, 'status') ?? '';
  let rawSpoiler = stringParam(params, 'spoiler_text');
  let text = rawText;
  if (isBlank(rawText)) {
    text = rawSpoiler ?? '';
    rawSpoiler = undefined;
  }
  const spoilerText = rawSpoiler ?? '';
  const sensitive = (booleanParam(params, 'sensitive') ?? false) || !isBlank(spoilerText);
  const requestedLanguage = stringParam(params, 'language');
  const language = isSupportedLanguage(requestedLanguage) ? requestedLanguage : status.language;

  const changed =
    mediaChanged ||
    text !== status.text ||
    spoilerText !== status.spoilerText ||
    sensitive !== status.sensitive ||
    language !== status.language;
  if (!changed) return status; // No significant change: 200 with the status, no edit recorded.

  const next = { text: rubyStrip(text), spoilerText: rubyStrip(spoilerText) };
  validate(ctx, { ...next, withMedia: media.length > 0 });
  recordStatus(ctx, status.accountId);
  Object.assign(status, next, { sensitive, language, mediaIds, editedAt: ctx.state.now() });
  for (const m of media) m.statusId = status.id;
  return status;
}
