export {
  type Answer,
  createMastodonClient,
  type MastodonClient,
  type MastodonClientOptions,
  type Page,
  type RequestOptions,
} from './client.ts';
export type {
  Account,
  MediaAttachment,
  NewStatus,
  Status,
  StatusEdit,
  StatusSource,
  Visibility,
} from './entities.ts';
export { AMBIGUOUS, MEDIA_PROCESSING, serverMessage, TOO_LONG } from './errors.ts';
export type { Pacer, RequestBucket } from './http.ts';
export {
  type InstanceLimits,
  limitsFromInstance,
  MASTODON_DEFAULT_LIMITS,
} from './instance-limits.ts';
export {
  createInstanceLimitsCache,
  type InstanceLimitsCache,
  type InstanceLimitsCacheDeps,
  type InstanceLimitsCacheOptions,
  type LimitsTarget,
} from './limits-cache.ts';
export type { MediaUpload, UploadOptions } from './media-upload.ts';
export { nextLink, parseRateLimit, parseResetAt, type RateLimit } from './rate-limit.ts';
