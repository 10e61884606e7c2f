import type { SourceRef } from '@herald/core';

/** Feeds: the title, the link, then the hashtags. */
export const DEFAULT_FEED_TEMPLATE = '{title}\n\n{link}\n\n{hashtags}';

/**
 * GitHub releases: `owner/name v1.2.0 released`, the release name on its own line (dropped when
 * empty or the same as the tag), the notes as summary, the link and hashtags.
 */
export const DEFAULT_RELEASE_TEMPLATE =
  '{repo} {release.tag} released\n{release.name}\n\n{summary}\n\n{link}\n\n{hashtags}';

/** Other GitHub events: the source sets a title and a summary that describe the event. */
export const DEFAULT_GITHUB_TEMPLATE = '{title}\n\n{summary}\n\n{link}\n\n{hashtags}';

/** The template a route uses when it sets none. */
export function defaultTemplateFor(source: SourceRef): string {
  if (source.kind === 'feed') return DEFAULT_FEED_TEMPLATE;
  return source.event === 'release' ? DEFAULT_RELEASE_TEMPLATE : DEFAULT_GITHUB_TEMPLATE;
}
