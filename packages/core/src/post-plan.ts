import type { MediaCandidate } from './items.ts';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** One status to post; a thread has several, chained by `in_reply_to_id`. */
export interface PostPart {
  /** Position in the thread, 0 for the first status. */
  index: number;
  text: string;
  /** Content warning; empty string when there is none. */
  spoilerText: string;
  visibility: Visibility;
  language?: string;
  sensitive: boolean;
  media: MediaCandidate[];
  /** Index of the part this one replies to, or undefined for the first. */
  replyToIndex?: number;
}

/** What the formatter decided for one route of one item. */
export interface PostPlan {
  account: string;
  itemKey: string;
  /** Route identity, for logs and replays: `<source id>→<account>`. */
  route: string;
  parts: PostPart[];
}
