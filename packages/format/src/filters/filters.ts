import type { RouteOptions } from '@herald/config';
import { permanent } from '@herald/core';

type FilterConfig = NonNullable<RouteOptions['filters']>;
type MatchRules = NonNullable<FilterConfig['include']>;

/** What the filters look at: the item's plain text and its categories. */
export interface FilterSubject {
  title: string;
  /** Summary and content as plain text. */
  text: string;
  categories: readonly string[];
}

export interface FilterResult {
  pass: boolean;
  /** The rule that decided, e.g. `exclude keyword "sponsored"`; absent when no rule applied. */
  rule?: string;
}

/**
 * Include/exclude filters of a route. An exclude rule that matches drops the item; when there
 * are include rules, an item must match at least one of them. Keywords match whole words,
 * case-insensitively (`AI` matches "AI news", not "said"); regexes are JavaScript patterns,
 * case-insensitive unless written as `/pattern/flags`; categories compare case-insensitively.
 */
export function applyFilters(
  filters: FilterConfig | undefined,
  subject: FilterSubject,
): FilterResult {
  if (!filters) return { pass: true };
  const haystack = `${subject.title}\n${subject.text}`;
  const excluded = filters.exclude && firstMatch('exclude', filters.exclude, haystack, subject);
  if (excluded) return { pass: false, rule: excluded };
  const include = filters.include;
  if (!include || ruleCount(include) === 0) return { pass: true };
  const included = firstMatch('include', include, haystack, subject);
  return included
    ? { pass: true, rule: included }
    : { pass: false, rule: 'include: no rule matched' };
}

/** Problems with a filter configuration (invalid regexes), for `herald validate`. */
export function filterProblems(filters: FilterConfig | undefined): string[] {
  const problems: string[] = [];
  for (const side of ['include', 'exclude'] as const) {
    for (const source of filters?.[side]?.regex ?? []) {
      try {
        compileRegex(source);
      } catch (error) {
        problems.push(`filters.${side}.regex: ${(error as Error).message}`);
      }
    }
  }
  return problems;
}

function ruleCount(rules: MatchRules): number {
  return (
    (rules.keywords?.length ?? 0) + (rules.regex?.length ?? 0) + (rules.categories?.length ?? 0)
  );
}

function firstMatch(
  side: 'include' | 'exclude',
  rules: MatchRules,
  haystack: string,
  subject: FilterSubject,
): string | undefined {
  for (const keyword of rules.keywords ?? []) {
    if (keyword.trim() !== '' && keywordPattern(keyword).test(haystack))
      return `${side} keyword "${keyword}"`;
  }
  for (const source of rules.regex ?? []) {
    let pattern: RegExp;
    try {
      pattern = compileRegex(source);
    } catch (error) {
      throw permanent('HERALD_FILTER_REGEX', `filters.${side}.regex: ${(error as Error).message}`);
    }
    if (pattern.test(haystack)) return `${side} regex ${source}`;
  }
  const wanted = new Set((rules.categories ?? []).map(categoryKey));
  const category = subject.categories.find((c) => wanted.has(categoryKey(c)));
  if (category !== undefined) return `${side} category "${category}"`;
  return undefined;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

/** A keyword as a whole-word, case-insensitive pattern; inner whitespace matches any run. */
function keywordPattern(keyword: string): RegExp {
  const body = keyword
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'iu');
}

function compileRegex(source: string): RegExp {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
  if (literal) return new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, ''));
  return new RegExp(source, 'iu');
}

function categoryKey(category: string): string {
  return category.normalize('NFKC').trim().toLowerCase();
}
