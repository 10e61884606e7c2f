export { newestFirst, sourceItemsOf } from './feed/feed-items.ts';
export { type FeedState, feedStateKeys, readFeedState } from './feed/feed-state.ts';
export {
  type FeedValidators,
  type FetchFeedOptions,
  type FetchFeedResult,
  fetchFeed,
} from './feed/fetch-feed.ts';
export { type ParseFeedOptions, parseFeed } from './feed/parse-feed.ts';
export type { ParsedFeed, ParsedFeedItem } from './feed/parsed-feed.ts';
export {
  createPollProcessor,
  type PollProcessorDeps,
  type PollProcessorOptions,
  type PollResult,
  type PollStatus,
} from './feed/poll-processor.ts';
export {
  feedSchedulerId,
  type PollQueue,
  type SyncResult,
  syncFeedSchedulers,
} from './feed/schedulers.ts';
export type { FormatQueue } from './format-queue.ts';
export { type GithubEventOutcome, mapGithubEvent } from './github/events.ts';
export { type GithubWebhookOptions, githubWebhookPlugin } from './github/webhook-plugin.ts';
