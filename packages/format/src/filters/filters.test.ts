import { describe, expect, it } from 'vitest';
import { applyFilters, filterProblems } from './filters.ts';

const item = {
  title: 'Sponsored: the AI toolkit for C++ developers',
  text: 'Try it today. Said nothing about ai-ish things.',
  categories: ['Announcements', 'Open Source'],
};
const rules = (r: { keywords?: string[]; regex?: string[]; categories?: string[] }) => ({
  keywords: r.keywords ?? [],
  regex: r.regex ?? [],
  categories: r.categories ?? [],
});

describe('applyFilters', () => {
  it('passes everything without filters', () => {
    expect(applyFilters(undefined, item)).toEqual({ pass: true });
    expect(applyFilters({}, item)).toEqual({ pass: true });
  });

  it('excludes on a whole-word keyword, case-insensitively, naming the rule', () => {
    expect(applyFilters({ exclude: rules({ keywords: ['sponsored'] }) }, item)).toEqual({
      pass: false,
      rule: 'exclude keyword "sponsored"',
    });
    // `ai` matches the word "AI" but not inside "Said".
    expect(applyFilters({ exclude: rules({ keywords: ['said it'] }) }, item).pass).toBe(true);
    expect(applyFilters({ exclude: rules({ keywords: ['C++'] }) }, item).rule).toBe(
      'exclude keyword "C++"',
    );
    expect(applyFilters({ exclude: rules({ keywords: ['toolkit  for'] }) }, item).pass).toBe(false);
    expect(applyFilters({ exclude: rules({ keywords: ['tool'] }) }, item).pass).toBe(true);
  });

  it('excludes on a regex, case-insensitive unless given as /…/flags', () => {
    expect(applyFilters({ exclude: rules({ regex: ['^sponsored:'] }) }, item)).toEqual({
      pass: false,
      rule: 'exclude regex ^sponsored:',
    });
    expect(applyFilters({ exclude: rules({ regex: ['/^sponsored:/'] }) }, item).pass).toBe(true);
    expect(applyFilters({ exclude: rules({ regex: ['/^Sponsored:/'] }) }, item).pass).toBe(false);
  });

  it('excludes on a category, case-insensitively', () => {
    expect(applyFilters({ exclude: rules({ categories: ['open source'] }) }, item)).toEqual({
      pass: false,
      rule: 'exclude category "Open Source"',
    });
  });

  it('with include rules, lets through only what matches one of them', () => {
    expect(
      applyFilters({ include: rules({ keywords: ['rust'], categories: ['announcements'] }) }, item),
    ).toEqual({
      pass: true,
      rule: 'include category "Announcements"',
    });
    expect(applyFilters({ include: rules({ keywords: ['rust'] }) }, item)).toEqual({
      pass: false,
      rule: 'include: no rule matched',
    });
    expect(applyFilters({ include: rules({}) }, item)).toEqual({ pass: true });
  });

  it('lets exclude win over include', () => {
    const filters = {
      include: rules({ keywords: ['AI'] }),
      exclude: rules({ keywords: ['sponsored'] }),
    };
    expect(applyFilters(filters, item).rule).toBe('exclude keyword "sponsored"');
  });

  it('reports invalid regexes', () => {
    expect(filterProblems({ exclude: rules({ regex: ['(unclosed', 'fine'] }) })).toHaveLength(1);
    expect(() => applyFilters({ exclude: rules({ regex: ['(unclosed'] }) }, item)).toThrow(
      /filters\.exclude\.regex/,
    );
  });
});
