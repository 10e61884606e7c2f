export { contentHash } from './content-hash.ts';
export { dryRunPlan } from './dry-run.ts';
export {
  createLedger,
  type Ledger,
  type LedgerDeps,
  type LedgerEntry,
  type LedgerOptions,
  type MediaRecord,
  type PostIntent,
} from './ledger.ts';
export { isPublicAddress } from './media/address-policy.ts';
export {
  type AddressGuardOptions,
  createGuardedDispatcher,
  type GuardedDispatcher,
  type GuardedDispatcherOptions,
  MEDIA_BLOCKED,
} from './media/guarded-dispatcher.ts';
export {
  createMediaFetcher,
  type FetchedMedia,
  type MediaFetcher,
  type MediaFetcherOptions,
} from './media/media-fetcher.ts';
export { createPacer, PACED, type PacerOptions } from './pacing.ts';
export {
  createPublishProcessor,
  type PublishDeps,
  type PublishJob,
  type PublishOptions,
  type PublishResult,
} from './processor.ts';
export type { PartAction, PartOutcome } from './publish-part.ts';
export { findPosted, type ReconcileOptions } from './reconcile.ts';
export {
  createPublishWorker,
  type PublishAccount,
  type PublishWorker,
  type PublishWorkerDeps,
  type PublishWorkerOptions,
} from './worker.ts';
