import type { Route } from '@herald/config';
import { hashtagKey, toHashtag } from './to-hashtag.ts';

export interface HashtagOptions {
  /** At most this many tags in a post. @defaultValue 5 */
  max: number;
  /** Tags added to every post, before the item's own. */
  always: string[];
  /** Turn the item's categories into tags. @defaultValue true */
  fromCategories: boolean;
  /** Keys (`hashtagKey`) of tags the text already has; they are not repeated. */
  exclude?: ReadonlySet<string>;
}

/** A route's `hashtags` option with its defaults: absent or `true` → categories, at most 5. */
export function hashtagOptions(option: Route['hashtags']): HashtagOptions {
  if (option === false) return { max: 0, always: [], fromCategories: false };
  if (option === undefined || option === true) return { max: 5, always: [], fromCategories: true };
  return {
    max: option.max ?? 5,
    always: option.always ?? [],
    fromCategories: option.fromCategories ?? true,
  };
}

/**
 * The hashtags of a post: `always` first, then the categories (a category listing several,
 * `a, b`, counts as several), each made valid by `toHashtag`, deduplicated case-insensitively,
 * at most `max`.
 */
export function hashtagsFor(categories: readonly string[], options: HashtagOptions): string[] {
  const sources = [...options.always, ...(options.fromCategories ? categories : [])];
  const tags: string[] = [];
  const seen = new Set(options.exclude ?? []);
  for (const source of sources.flatMap((s) => s.split(','))) {
    if (tags.length >= options.max) break;
    const tag = toHashtag(source);
    if (!tag) continue;
    const key = hashtagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
