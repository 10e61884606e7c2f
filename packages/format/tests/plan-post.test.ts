import { readFileSync } from 'node:fs';
import type { Route } from '@herald/config';
import { HeraldError, type SourceItem } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { countStatus, MASTODON_DEFAULT_LIMITS } from '../src/count/index.ts';
import { noShortener, type Shortener } from '../src/links/shortener.ts';
import { MENTION_BREAK } from '../src/mentions/neutralize-mentions.ts';
import { planPost } from '../src/plan/plan-post.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/html/${name}.html`, import.meta.url), 'utf8');
const limits = MASTODON_DEFAULT_LIMITS;
const deps = { shortener: noShortener };

const route = (options: Partial<Route> = {}): Route => ({
  id: 'feed:blog→main',
  account: 'main',
  ...options,
});

const wordpressItem = (overrides: Partial<SourceItem> = {}): SourceItem => ({
  source: { kind: 'feed', feedId: 'blog' },
  itemKey: 'blog:https://blog.example.org/?p=42',
  url: 'https://blog.example.org/2024/06/summer/?utm_source=rss&utm_medium=rss&utm_campaign=summer',
  title: 'We&#8217;re shipping Summer: Tom &amp; Jerry approve',
  contentHtml: fixture('wordpress'),
  summaryHtml:
    '<p>We&#8217;re thrilled to announce the Summer release. Thanks to @someone@mastodon.social for testing! [&hellip;]</p>',
  author: 'Jane Doe',
  categories: ['Open Source', 'node.js', 'Releases'],
  media: [],
  language: 'en-US',
  sourceTitle: 'Example Blog',
  ...overrides,
});

async function post(item: SourceItem, r: Route, shortener: Shortener = noShortener) {
  const result = await planPost(item, r, limits, { shortener });
  if (result.status !== 'post') throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result;
}

const longHtml = (paragraphs: number) =>
  Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1} explains one more detail of the release, with enough words to matter for the limit.</p>`,
  ).join('\n');

describe('planPost', () => {
  it('plans a WordPress post with the default feed template', async () => {
    const { plan, notes } = await post(wordpressItem(), route());
    expect(plan).toEqual({
      account: 'main',
      itemKey: 'blog:https://blog.example.org/?p=42',
      route: 'feed:blog→main',
      parts: [
        {
          index: 0,
          text:
            'We’re shipping Summer: Tom & Jerry approve\n\n' +
            'https://blog.example.org/2024/06/summer/\n\n' +
            '#OpenSource #NodeJs #Releases',
          spoilerText: '',
          visibility: 'public',
          language: 'en',
          sensitive: false,
          media: [
            {
              url: 'https://blog.example.org/wp-content/uploads/2024/06/summer-1024x576.jpg',
              alt: 'A beach at sunset',
            },
          ],
        },
      ],
    });
    expect(notes).toContain('link: 3 tracking parameter(s) removed');
    expect(notes).toContain('hashtags: #OpenSource #NodeJs #Releases');
    expect(notes).toContain('language: "en-US" posted as "en"');
    expect(notes.some((n) => n.startsWith('overflow'))).toBe(false);
  });

  it('never leaks entities or tags from a full-content template', async () => {
    const { plan } = await post(
      wordpressItem(),
      route({ template: '{title}\n\n{content}', overflow: 'thread' }),
    );
    const text = plan.parts.map((p) => p.text).join('\n');
    expect(text).toContain('We’re thrilled');
    expect(text).toContain('Tom & Jerry');
    expect(text).toContain('Fixes for <script> handling'); // the post's own words, decoded
    expect(text).not.toMatch(/&(?:amp|#8217|nbsp|lt|gt|#038|hellip);/);
    expect(text).not.toMatch(/<\/?(?:p|a|img|li|ul|figure|div|span|noscript|strong|h2|code)\b/);
    expect(text).not.toContain('window.wpcom');
  });

  it('defuses a quoted @user@domain so that nobody is notified', async () => {
    const { plan, notes } = await post(wordpressItem(), route({ template: '{summary}\n\n{link}' }));
    const text = plan.parts[0]!.text;
    expect(text).toContain(`@${MENTION_BREAK}someone@mastodon.social`);
    expect(text).not.toMatch(/(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@[a-z0-9_]/iu);
    expect(notes).toContain('mentions: 1 neutralised');

    const kept = await post(wordpressItem(), route({ template: '{summary}', mentions: 'keep' }));
    expect(kept.plan.parts[0]!.text).toContain(' @someone@mastodon.social ');
  });

  it('removes tracking parameters from links inside the text and from the link', async () => {
    const { plan, notes } = await post(
      wordpressItem({
        contentHtml:
          '<p>Docs: <a href="https://docs.example.org/start?utm_source=blog&amp;lang=en#install">start here</a>, ' +
          'video https://video.example.com/watch?v=abc&feature=share&si=x&fbclid=IwAR1.</p>',
      }),
      route({
        template: '{content}\n\n{link}',
        links: { shorten: 'none', stripParams: ['feature'] },
      }),
    );
    expect(plan.parts[0]!.text).toBe(
      'Docs: start here (https://docs.example.org/start?lang=en#install), video https://video.example.com/watch?v=abc&si=x.\n\n' +
        'https://blog.example.org/2024/06/summer/',
    );
    expect(notes).toContain('links: 3 tracking parameter(s) removed');
  });

  it('shortens the link through the shortener it is given', async () => {
    const shortener: Shortener = {
      shorten: async (url) => `https://herald.example.org/l/${url.length.toString(36)}`,
    };
    const { plan, notes } = await post(wordpressItem(), route(), shortener);
    expect(plan.parts[0]!.text).toContain('\n\nhttps://herald.example.org/l/14\n\n');
    expect(notes).toContain('link: shortened to https://herald.example.org/l/14');
  });

  it('truncates long content and keeps the link and the hashtags', async () => {
    const { plan, notes } = await post(
      wordpressItem({ contentHtml: longHtml(40) }),
      route({ template: '{title}\n\n{content}\n\n{link}\n\n{hashtags}' }),
    );
    expect(plan.parts).toHaveLength(1);
    const [part] = plan.parts;
    expect(countStatus(part!.text, '', limits.urlChars)).toBeLessThanOrEqual(limits.maxCharacters);
    expect(
      part!.text.startsWith('We’re shipping Summer: Tom & Jerry approve\n\nParagraph 1 explains'),
    ).toBe(true);
    expect(
      part!.text.endsWith(
        '\n\nhttps://blog.example.org/2024/06/summer/\n\n#OpenSource #NodeJs #Releases',
      ),
    ).toBe(true);
    expect(notes.some((n) => /^overflow: \d+ of 500 characters, truncated to \d+$/.test(n))).toBe(
      true,
    );
  });

  it('splits long content into a thread: chained, media on the first part, replies unlisted', async () => {
    const { plan, notes } = await post(
      wordpressItem({
        contentHtml: `${longHtml(25)}<img src="https://blog.example.org/i.png" alt="Chart">`,
      }),
      route({
        template: '{title}\n\n{content}\n\n{link}',
        overflow: 'thread',
        visibility: 'public',
      }),
    );
    expect(plan.parts.length).toBeGreaterThan(2);
    plan.parts.forEach((part, index) => {
      expect(part.index).toBe(index);
      expect(part.replyToIndex).toBe(index === 0 ? undefined : index - 1);
      expect(part.visibility).toBe(index === 0 ? 'public' : 'unlisted');
      expect(part.media).toEqual(
        index === 0 ? [{ url: 'https://blog.example.org/i.png', alt: 'Chart' }] : [],
      );
      expect(part.language).toBe('en');
      expect(countStatus(part.text, part.spoilerText, limits.urlChars)).toBeLessThanOrEqual(
        limits.maxCharacters,
      );
    });
    expect(plan.parts.map((p) => p.text).join(' ')).toContain('Paragraph 25 explains');
    const split = new RegExp(
      `^overflow: \\d+ of 500 characters, split into ${plan.parts.length} parts$`,
    );
    expect(notes.filter((n) => split.test(n))).toHaveLength(1);
  });

  it('reports a filtered item with the rule that fired', async () => {
    const result = await planPost(
      wordpressItem({ title: 'Sponsored: our partner’s summer deal' }),
      route({ filters: { exclude: { keywords: ['sponsored'], regex: [], categories: [] } } }),
      limits,
      deps,
    );
    expect(result).toEqual({ status: 'filtered', rule: 'exclude keyword "sponsored"' });

    const included = await planPost(
      wordpressItem(),
      route({ filters: { include: { keywords: [], regex: [], categories: ['releases'] } } }),
      limits,
      deps,
    );
    expect(included.status === 'post' && included.notes).toContain(
      'filter: include category "Releases"',
    );
  });

  it('sets a content warning from a category, on every part, and marks the post sensitive', async () => {
    const { plan, notes } = await post(
      wordpressItem({ categories: ['Politics', 'Open Source'], contentHtml: longHtml(20) }),
      route({
        template: '{title}\n\n{content}\n\n{link}',
        overflow: 'thread',
        spoiler: { text: 'Blog post', categories: { politics: 'US politics' } },
      }),
    );
    for (const part of plan.parts) {
      expect(part.spoilerText).toBe('US politics');
      expect(part.sensitive).toBe(true);
    }
    expect(notes).toContain('content warning from category "Politics"');
  });

  it('follows the route for visibility, language, sensitivity and media', async () => {
    const { plan, notes } = await post(
      wordpressItem({
        language: 'klingon',
        media: [{ url: 'https://cdn.example.org/cover.jpg', type: 'image/jpeg' }],
      }),
      route({
        visibility: 'unlisted',
        language: 'de_DE',
        sensitive: true,
        media: { max: 1 },
        hashtags: false,
      }),
    );
    expect(plan.parts[0]).toMatchObject({
      visibility: 'unlisted',
      language: 'de',
      sensitive: true,
      spoilerText: '',
      media: [{ url: 'https://cdn.example.org/cover.jpg', type: 'image/jpeg' }],
    });
    expect(plan.parts[0]!.text.endsWith('https://blog.example.org/2024/06/summer/')).toBe(true);
    // The route's language wins over the item's (feeds declare one site-wide language).
    expect(notes).toContain('language: "de_DE" posted as "de"');
    expect(notes).toContain('media: 1 candidate(s) over the limit left out');

    const english = await post(wordpressItem({ language: 'en-US' }), route({ language: 'fr' }));
    expect(english.plan.parts[0]!.language).toBe('fr');
    const unknown = await post(wordpressItem({ language: 'klingon' }), route({}));
    expect(unknown.plan.parts[0]!.language).toBeUndefined();
    expect(unknown.notes).toContain('language: "klingon" is not one Mastodon knows');

    const none = await post(wordpressItem({ language: undefined }), route({ media: false }));
    expect(none.plan.parts[0]!.media).toEqual([]);
    expect(none.plan.parts[0]!.language).toBeUndefined();
  });

  it('renders a GitHub release with the default release template', async () => {
    const { plan } = await post(
      {
        source: { kind: 'github', repo: 'acme/tool', event: 'release' },
        itemKey: 'github:acme/tool:release:123',
        url: 'https://github.com/acme/tool/releases/tag/v1.2.0',
        title: 'v1.2.0',
        summaryHtml: fixture('github-release'),
        categories: [],
        media: [],
        fields: { 'release.tag': 'v1.2.0', 'release.name': 'v1.2.0' },
      },
      route({
        id: 'github:acme/tool→main',
        hashtags: { fromCategories: false, max: 5, always: ['release'] },
      }),
    );
    const text = plan.parts[0]!.text;
    expect(
      text.startsWith("acme/tool v1.2.0 released\n\nWhat's Changed\n\n• Add --json flag"),
    ).toBe(true);
    expect(text).toContain(`by @${MENTION_BREAK}octocat in #1234`);
    expect(text.endsWith('\n\nhttps://github.com/acme/tool/releases/tag/v1.2.0\n\n#release')).toBe(
      true,
    );
  });

  it('reports unknown template fields and refuses a post with no text', async () => {
    const result = await post(wordpressItem(), route({ template: '{title} {release.tag}' }));
    expect(result.notes).toContain('template: unknown field {release.tag}');

    const error = await planPost(
      wordpressItem({ title: '' }),
      route({ template: '{title}', media: false }),
      limits,
      deps,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as HeraldError).code).toBe('HERALD_FORMAT_EMPTY');
    expect((error as HeraldError).kind).toBe('permanent');
  });
});
