// The benchmark corpus: feed items whose HTML bodies (2–20 KB) are built from the real-world
// fixtures of packages/format (WordPress, Ghost, Hugo, Medium, GitHub release, Substack): each
// item keeps one generator's opening and closing blocks and repeats its middle blocks, plus a
// paragraph with a tracking link and, in some items, fediverse mentions.
import { readFileSync } from 'node:fs';
import type { SourceItem } from '@herald/core';
import { topLevelBlocks } from './html-blocks.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

const FIXTURES = new URL('../packages/format/tests/fixtures/html/', import.meta.url);

interface Generator {
  fixture: string;
  /** Where its posts live; item links get tracking parameters on top. */
  site: string;
  /** How many closing blocks (share buttons, footers, scripts) stay at the end. */
  closing: number;
  titles: readonly string[];
}

const GENERATORS: readonly Generator[] = [
  {
    fixture: 'wordpress',
    site: 'https://blog.example.org/2026/11/',
    closing: 3,
    titles: ['The “Winter” release is out', 'What’s new in exports & imports'],
  },
  {
    fixture: 'ghost',
    site: 'https://ghost.example.com/',
    closing: 3,
    titles: ['How we run our newsletter', 'Ghost 6: a look at the dashboard'],
  },
  {
    fixture: 'hugo',
    site: 'https://notes.example.dev/posts/',
    closing: 1,
    titles: ['Printing <there> in Go', 'Footnotes with Goldmark'],
  },
  {
    fixture: 'medium',
    site: 'https://medium.com/@writer/',
    closing: 2,
    titles: ['Why we moved to Rust', 'A year after the rewrite'],
  },
  {
    fixture: 'github-release',
    site: 'https://github.com/acme/tool/releases/tag/',
    closing: 1,
    titles: ['v1.2.0', 'Release v2.0.0-rc.1'],
  },
  {
    fixture: 'substack',
    site: 'https://news.example.com/p/',
    closing: 1,
    titles: ['Three links and a chart', 'The weekly: feeds, podcasts & growth'],
  },
];

const CATEGORIES = [
  'Release',
  'open source',
  'TypeScript',
  'Rust',
  'self-hosting',
  'Mastodon',
  'web dev',
  'privacy',
  'Newsletter',
  'C++',
];

const MENTIONS = ['@alice@fosstodon.org', '@bob@hachyderm.io', '@carol@mastodon.social'];

export interface CorpusOptions {
  /** Number of items. */
  items: number;
  seed: number;
  /** Smallest and largest body (contentHtml) in bytes of UTF-8. */
  minBytes: number;
  maxBytes: number;
}

/** Items in the same order for the same options. Throws if a body misses the size range. */
export function buildCorpus(options: CorpusOptions): SourceItem[] {
  const random = createSeededRandom(options.seed);
  const generators = GENERATORS.map((g) => ({ ...g, blocks: topLevelBlocks(fixture(g)) }));
  const longestPiece = Math.max(
    ...generators.flatMap((g) => g.blocks.map(bytes)),
    ...extraParagraphs(0).map(bytes),
  );
  // Bodies overshoot their target by less than one piece, so targets stop short of the maximum.
  const span = options.maxBytes - longestPiece - options.minBytes;
  if (span <= 0) throw new Error('corpus: size range narrower than one fixture block');

  return Array.from({ length: options.items }, (_, index) => {
    const generator = generators[index % generators.length]!;
    // Stratified targets: evenly spread over the range, jittered within each stratum.
    const target = options.minBytes + Math.floor((span * (index + random.next())) / options.items);
    const body = buildBody(generator.blocks, generator.closing, target, index, random);
    const size = bytes(body);
    if (size < options.minBytes || size > options.maxBytes) {
      throw new Error(`corpus: item ${index} has ${size} bytes, outside the range`);
    }
    return toItem(generator, body, index, random);
  });
}

function buildBody(
  blocks: readonly string[],
  closing: number,
  target: number,
  index: number,
  random: SeededRandom,
): string {
  const opening = blocks[0] ?? '';
  const end = blocks.slice(blocks.length - closing);
  const middle = blocks.slice(1, blocks.length - closing);
  const pool = middle.length > 0 ? middle : blocks;
  // Every body has a tracking link; about a third also mention people.
  const extras = extraParagraphs(index).slice(0, random.next() < 1 / 3 ? 2 : 1);
  const parts = [opening];
  let size = [opening, ...end, ...extras].reduce((sum, part) => sum + bytes(part), 0);
  while (size < target) {
    const block = random.pick(pool);
    parts.push(block);
    size += bytes(block);
  }
  // The extras go somewhere in the middle, as an author would write them.
  for (const extra of extras) parts.splice(random.int(1, parts.length), 0, extra);
  return [...parts, ...end].join('');
}

/** A paragraph with a tracking link, and one with fediverse mentions. */
function extraParagraphs(index: number): string[] {
  const link = `https://news.example.net/story/${index}?utm_source=rss&amp;utm_medium=feed&amp;utm_campaign=weekly&amp;fbclid=IwAR${index}x`;
  return [
    `\n<p>Background reading: <a href="${link}">the longer story</a>, which we covered before.</p>\n`,
    `\n<p>Thanks to ${MENTIONS[index % MENTIONS.length]} and <a href="https://fosstodon.org/@dave">@dave@fosstodon.org</a> for the review.</p>\n`,
  ];
}

function toItem(
  generator: Generator & { blocks: string[] },
  body: string,
  index: number,
  random: SeededRandom,
): SourceItem {
  const title = random.pick(generator.titles);
  const categories = Array.from({ length: random.int(1, 5) }, () => random.pick(CATEGORIES));
  return {
    source: { kind: 'feed', feedId: generator.fixture },
    itemKey: `bench-${index}`,
    url: `${generator.site}post-${index}/?utm_source=rss&utm_medium=rss&utm_campaign=post-${index}`,
    title: random.next() < 0.2 ? `${title}, with ${random.pick(MENTIONS)}` : title,
    contentHtml: body,
    // Some feeds carry an excerpt next to the full content (RSS description + content:encoded).
    ...(random.next() < 1 / 3 ? { summaryHtml: generator.blocks[0] } : {}),
    author: 'Jane Doe',
    publishedAt: new Date(Date.UTC(2026, 10, 1 + (index % 30))).toISOString(),
    categories: [...new Set(categories)],
    media: [],
    language: index % 2 === 0 ? 'en' : 'en-US',
    sourceTitle: `Example ${generator.fixture} feed`,
  };
}

function fixture(generator: Generator): string {
  return readFileSync(new URL(`${generator.fixture}.html`, FIXTURES), 'utf8');
}

/** Size of a string in bytes of UTF-8, as it arrives from a feed. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
