export { parseDuration } from './duration.ts';
export {
  type ErrorKind,
  errorCodeOf,
  errorKind,
  HeraldError,
  type HeraldErrorOptions,
  permanent,
  rateLimited,
  transient,
} from './errors.ts';
export { sha256Hex } from './hash.ts';
export type { MediaCandidate, SourceItem, SourceRef } from './items.ts';
export { type JobKind, jobId } from './job-ids.ts';
export {
  BACKOFF_TYPE,
  jobOptions,
  type LockSettings,
  type RetrySettings,
  retryDelay,
  workerSettings,
} from './job-options.ts';
export { createKeys, hashTagged, type Keys } from './keys.ts';
export { createJsonLogger, type Logger, silentLogger } from './logger.ts';
export type { PostPart, PostPlan, Visibility } from './post-plan.ts';
export { runClassified } from './queue-outcome.ts';
export {
  type FormatJob,
  type JobData,
  type JobKindName,
  jobSchemas,
  type PollJob,
  type PublishJob,
  parseJob,
  publishQueueName,
  QUEUE_FORMAT,
  QUEUE_POLL,
} from './queues.ts';
export { createRedis, type RedisRole, waitForReady } from './redis.ts';
