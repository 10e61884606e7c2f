// Herald's formatter (planPost) against sanitize-html alone, on the same 2–20 KB items.
// sanitize-html is the floor: planPost parses each HTML field with it (text and images), then
// rebuilds structured text, cleans links, defuses mentions, renders the template and counts
// and fits the status by Mastodon's rules.
import type { Route } from '@herald/config';
import type { SourceItem } from '@herald/core';
import { countStatus, MASTODON_DEFAULT_LIMITS, noShortener, planPost } from '@herald/format';
import sanitizeHtml from 'sanitize-html';
import type { BenchCase, Benchmark } from './benchmark.ts';
import { buildCorpus, bytes } from './item-corpus.ts';
import { median } from './measure.ts';

const CORPUS = { items: 120, seed: 20261203, minBytes: 2 * 1024, maxBytes: 20 * 1024 };

const SUMMARY_ROUTE: Route = {
  id: 'feed:bench→main',
  account: 'main',
  template: '{title}\n\n{summary}\n\n{link}\n\n{hashtags}',
};

const THREAD_ROUTE: Route = {
  id: 'feed:bench→main',
  account: 'main',
  template: '{content}',
  overflow: 'thread',
};

const STRIP_ALL = { allowedTags: [], allowedAttributes: {} };

export const benchmark: Benchmark = {
  name: 'format',
  async prepare() {
    const items = buildCorpus(CORPUS);
    const itemBytes = items.map(
      (item) => bytes(item.contentHtml ?? '') + bytes(item.summaryHtml ?? ''),
    );
    const summaryParts = await checkedParts(items, SUMMARY_ROUTE);
    const threadParts = await checkedParts(items, THREAD_ROUTE);
    if (summaryParts.some((n) => n !== 1)) throw new Error('format: truncate made a thread');
    return {
      corpus: { items: items.length, itemBytes },
      baseline: {
        name: 'sanitize-html alone',
        pass: () => {
          let length = 0;
          for (const item of items) {
            length += sanitizeHtml(item.contentHtml ?? '', STRIP_ALL).length;
            if (item.summaryHtml) length += sanitizeHtml(item.summaryHtml, STRIP_ALL).length;
          }
          return length;
        },
      },
      cases: [
        planCase('planPost, summary template, truncate', items, SUMMARY_ROUTE),
        planCase('planPost, {content}, thread', items, THREAD_ROUTE),
      ],
      notes: [
        `${items.length} feed items built (seed ${CORPUS.seed}) from the WordPress, Ghost, Hugo, ` +
          'Medium, GitHub release and Substack fixtures of packages/format',
        `thread case: ${Math.min(...threadParts)}–${Math.max(...threadParts)} statuses per item ` +
          `(median ${median(threadParts)}); truncate case: 1`,
      ],
    };
  },
};

function planCase(name: string, items: readonly SourceItem[], route: Route): BenchCase {
  return {
    name,
    pass: async () => {
      let parts = 0;
      for (const item of items) {
        const result = await planPost(item, route, MASTODON_DEFAULT_LIMITS, {
          shortener: noShortener,
        });
        if (result.status === 'post') parts += result.plan.parts.length;
      }
      return parts;
    },
  };
}

/** Plans every item once and checks each status fits, so the timed work is the real work. */
async function checkedParts(items: readonly SourceItem[], route: Route): Promise<number[]> {
  const counts: number[] = [];
  for (const item of items) {
    const result = await planPost(item, route, MASTODON_DEFAULT_LIMITS, { shortener: noShortener });
    if (result.status !== 'post') throw new Error(`format: ${item.itemKey} was filtered`);
    for (const part of result.plan.parts) {
      const length = countStatus(part.text, part.spoilerText, MASTODON_DEFAULT_LIMITS.urlChars);
      if (length > MASTODON_DEFAULT_LIMITS.maxCharacters) {
        throw new Error(`format: ${item.itemKey} part ${part.index} has ${length} characters`);
      }
    }
    counts.push(result.plan.parts.length);
  }
  return counts;
}
