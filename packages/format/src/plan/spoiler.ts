import type { Route } from '@herald/config';

export interface SpoilerChoice {
  /** The content warning; '' for none. */
  text: string;
  /** Why, for `herald preview` notes. */
  rule?: string;
}

/**
 * A route's content warning for an item: a fixed string, or per-category rules
 * (`{ text?, categories: { Politics: 'politics' } }`) where the warnings of every matching
 * category (compared case-insensitively) are joined with `, ` and `text` is the fallback.
 */
export function spoilerFor(option: Route['spoiler'], categories: readonly string[]): SpoilerChoice {
  if (option === undefined) return { text: '' };
  if (typeof option === 'string') {
    const text = option.trim();
    return text === '' ? { text: '' } : { text, rule: 'content warning from the route' };
  }
  const byCategory = new Map(
    Object.entries(option.categories ?? {}).map(([category, cw]) => [key(category), cw.trim()]),
  );
  const matched: string[] = [];
  const warnings: string[] = [];
  for (const category of categories) {
    const cw = byCategory.get(key(category));
    if (cw === undefined || cw === '') continue;
    matched.push(category);
    if (!warnings.includes(cw)) warnings.push(cw);
  }
  if (warnings.length > 0) {
    const names = matched.map((c) => `"${c}"`).join(', ');
    return { text: warnings.join(', '), rule: `content warning from category ${names}` };
  }
  const text = option.text?.trim() ?? '';
  return text === '' ? { text: '' } : { text, rule: 'content warning from the route' };
}

function key(category: string): string {
  return category.normalize('NFKC').trim().toLowerCase();
}
