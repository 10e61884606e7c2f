/** A media file a source offers for a post; fetched later through the SSRF guard. */
export interface MediaCandidate {
  url: string;
  /** MIME type when the source states it (enclosure type, JSON Feed mime_type). */
  type?: string;
  /** Alt text for the attachment. */
  alt?: string;
}

/** Where an item came from; routes are looked up by it. */
export type SourceRef =
  | { kind: 'feed'; feedId: string }
  | { kind: 'github'; repo: string; event: string };

/**
 * One piece of content from a source. Sources produce these and never format or post.
 * `itemKey` is stable across polls and redeliveries: it is the identity the ledger uses.
 */
export interface SourceItem {
  source: SourceRef;
  itemKey: string;
  url?: string;
  title?: string;
  /** HTML body, as the source gives it. */
  contentHtml?: string;
  /** HTML or text summary. */
  summaryHtml?: string;
  author?: string;
  publishedAt?: string;
  updatedAt?: string;
  categories: string[];
  media: MediaCandidate[];
  /** Language tag as the source states it (`en-US`, `en_GB`, `de`). */
  language?: string;
  /** Title of the feed or name of the repository, for `{feed.title}`. */
  sourceTitle?: string;
  /** Extra template fields, e.g. GitHub event fields (`{release.tag}`). */
  fields?: Record<string, string>;
}
