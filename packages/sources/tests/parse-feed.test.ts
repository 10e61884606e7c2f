import { errorKind, HeraldError } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../src/feed/charset.ts';
import { parseFeed } from '../src/feed/parse-feed.ts';
import { fixture, fixtureText } from './_util.ts';

const FEED_URL = 'https://feeds.example/feed';
const parse = (name: string, contentType?: string) =>
  parseFeed(decodeFeedBody(fixture(name), contentType).text, contentType, { feedUrl: FEED_URL });

/** An entity left in a title shows up in the post as `&#8217;` or `&amp;`. */
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

describe('parseFeed on real generator shapes', () => {
  it('WordPress RSS: entities decoded, content:encoded as content, description as summary', async () => {
    const feed = await parse('wordpress.xml');
    expect(feed.title).toBe('Field Notes – A Gardener’s Journal');
    expect(feed.language).toBe('en-GB');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Why I don’t dig anymore — and what happened next',
      'Seed swap: “Crimson Flowered” broad beans & more',
      'Notes from the allotment, September',
    ]);
    const [first] = feed.items;
    expect(first).toMatchObject({
      itemKey: 'https://fieldnotes.example.org/?p=2817',
      url: 'https://fieldnotes.example.org/2025/10/14/why-i-dont-dig-anymore/',
      author: 'Maren Okafor',
      publishedAt: '2025-10-14T07:12:40.000Z',
      categories: ['No-dig', 'Soil & Compost'],
    });
    expect(first?.contentHtml).toContain('<h2 class="wp-block-heading">The first winter</h2>');
    expect(first?.summaryHtml).toContain('appeared first on');
  });

  it('Hugo RSS: escaped description is HTML, guid is the permalink', async () => {
    const feed = await parse('hugo.xml');
    expect(feed.title).toBe('Posts on Lina Bergström');
    const [first, second] = feed.items;
    expect(first?.title).toBe('Rust & WebAssembly: a year in production');
    expect(second?.title).toBe('Notes on "boring" infrastructure');
    expect(first?.contentHtml).toMatch(/^<p>We shipped our first <code>wasm32<\/code>/);
    expect(first?.itemKey).toBe('https://lina.example.net/posts/rust-wasm-a-year-in/');
    expect(first?.language).toBe('sv-se');
  });

  it('Ghost RSS: CDATA titles, media:content image, non-URL guid', async () => {
    const feed = await parse('ghost.xml');
    const [first, second] = feed.items;
    expect(first?.itemKey).toBe('6731f0c2a4b1e20001d3c9a7');
    expect(first?.media).toEqual([
      { url: 'https://quietledger.example.com/content/images/2025/11/chiemgauer-notes.jpg' },
    ]);
    expect(first?.categories).toEqual(['Features', 'Local currencies']);
    expect(second?.title).toBe("Members' Q&A: your questions on pensions, answered");
  });

  it('Jekyll Atom: doubly escaped html titles, Atom ids, term categories, image', async () => {
    const feed = await parse('jekyll.xml');
    expect(feed.title).toBe('Tomás Ruiz');
    expect(feed.language).toBe('en');
    const [first, second] = feed.items;
    expect(first?.title).toBe('Don’t fear the borrow checker');
    expect(second?.title).toBe('Fixing a “ghost shifting” rear derailleur & other stories');
    expect(first?.itemKey).toBe(
      'https://tomas.example.dev/2025/11/03/dont-fear-the-borrow-checker',
    );
    expect(first?.url).toBe(
      'https://tomas.example.dev/2025/11/03/dont-fear-the-borrow-checker.html',
    );
    expect(first?.categories).toEqual(['rust', 'type-systems']);
    expect(first?.media).toEqual([
      { url: 'https://tomas.example.dev/assets/img/borrow-checker.png' },
    ]);
    expect(second?.updatedAt).toBe('2025-10-20T08:00:00.000Z');
    expect(first?.contentHtml).toContain('<h2 id="1-own-it">1. Own it</h2>');
  });

  it('GitHub releases Atom: tag ids, html content, avatars are not media', async () => {
    const feed = await parse('github-releases.atom');
    const [first] = feed.items;
    expect(first).toMatchObject({
      itemKey: 'tag:github.com,2008:Repository/482913377/v2.4.0',
      title: 'v2.4.0 — streaming parser',
      author: 'okafor-m',
      media: [],
      language: 'en-US',
    });
    expect(first?.contentHtml).toContain('<h2>What&#39;s Changed</h2>');
  });

  it('YouTube Atom: media:group thumbnail with the title as alt, description as content', async () => {
    const feed = await parse('youtube.xml');
    const [first] = feed.items;
    expect(first).toMatchObject({
      itemKey: 'yt:video:Xp4bT9cQ2aE',
      url: 'https://www.youtube.com/watch?v=Xp4bT9cQ2aE',
      title: 'Restoring a 1960s bench vise & making new jaws',
    });
    // The Flash player is no attachment; the thumbnail is.
    expect(first?.media).toEqual([
      {
        url: 'https://i2.ytimg.com/vi/Xp4bT9cQ2aE/hqdefault.jpg',
        alt: 'Restoring a 1960s bench vise & making new jaws',
      },
    ]);
    expect(first?.contentHtml).toBe(
      'Rust, seized screws and a very stubborn spring pin. Parts list below.<br>\n<br>\n00:00 Intro<br>\n03:12 Disassembly',
    );
  });

  it('podcast RSS: audio enclosures as media, itunes:author as author', async () => {
    const feed = await parse('podcast.xml');
    const [first] = feed.items;
    expect(first).toMatchObject({
      itemKey: 'nightshift-ep-48-8f2c1d',
      author: 'Aileen McBride',
      media: [
        {
          url: 'https://media.example.fm/night-shift/ep48-bakers-of-leith.mp3',
          type: 'audio/mpeg',
        },
      ],
    });
  });

  it('JSON Feed 1.1 (micro.blog): untitled posts, content_text escaped, attachments', async () => {
    const feed = await parse('microblog.json', 'application/feed+json');
    expect(feed).toMatchObject({ title: 'Sam Adeyemi', language: 'en-GB' });
    const [photo, reading, episode] = feed.items;
    expect(photo?.title).toBeUndefined();
    expect(photo?.itemKey).toBe('https://sam.example.blog/2025/11/12/morning-light-on.html');
    expect(photo?.media).toEqual([{ url: 'https://sam.example.blog/uploads/2025/canal.jpg' }]);
    expect(photo?.categories).toEqual(['Photos', 'Walking']);
    expect(reading).toMatchObject({
      author: 'Sam Adeyemi',
      summaryHtml: 'Three books, mostly good.',
      updatedAt: '2025-11-10T07:30:00.000Z',
    });
    expect(episode?.contentHtml).toBe(
      'A short episode about RSS, blogrolls &amp; why I still run my own site.',
    );
    expect(episode?.media).toEqual([
      {
        url: 'https://sam.example.blog/uploads/2025/episode-12.mp3',
        type: 'audio/mpeg',
        alt: 'Episode 12 audio',
      },
    ]);
  });

  it('windows-1252 declared in the prolog decodes to the right characters', async () => {
    const feed = await parse('windows-1252.xml', 'application/rss+xml');
    expect(feed.title).toBe('Café Lumière – Nouvelles');
    expect(feed.items[0]?.title).toBe('“Le menu d’hiver” est arrivé — 5 € le café crème');
    expect(feed.items[0]?.contentHtml).toBe(
      '<p>Crêpes, chocolat chaud et galettes : tout est là.</p>',
    );
  });

  it('never leaks entities into titles or categories', async () => {
    for (const name of [
      'wordpress.xml',
      'hugo.xml',
      'ghost.xml',
      'jekyll.xml',
      'github-releases.atom',
      'youtube.xml',
      'podcast.xml',
      'windows-1252.xml',
    ]) {
      const feed = await parse(name);
      for (const item of feed.items) {
        expect(item.title ?? '', name).not.toMatch(ENTITY);
        for (const category of item.categories) expect(category, name).not.toMatch(ENTITY);
      }
    }
  });

  it('gives every item of every fixture a distinct key', async () => {
    for (const name of [
      'wordpress.xml',
      'hugo.xml',
      'jekyll.xml',
      'youtube.xml',
      'microblog.json',
    ]) {
      const keys = (await parse(name)).items.map((i) => i.itemKey);
      expect(new Set(keys).size, name).toBe(keys.length);
    }
  });
});

describe('parseFeed failures and fallbacks', () => {
  it('reports a malformed feed as HERALD_FEED_PARSE with a one-line reason', async () => {
    const error = await parse('malformed.xml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldError);
    expect(error).toMatchObject({ code: 'HERALD_FEED_PARSE', kind: 'permanent' });
    expect((error as Error).message).toMatch(/^malformed feed: .*Line: \d+/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects an HTML page and a JSON document that is not a JSON Feed', async () => {
    const html = await parseFeed('<!doctype html><html><body>hi</body></html>').catch((e) => e);
    expect(errorKind(html)).toBe('permanent');
    const json = await parseFeed('{"version":"2"}', 'application/json').catch((e) => e);
    expect(json).toMatchObject({ code: 'HERALD_FEED_PARSE' });
    expect((json as Error).message).toContain('not a JSON Feed');
  });

  it('keys items without guid by link, and items without link by content', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>A</title><link>https://example.org/a?utm_source=x</link></item>
      <item><title>B</title><description>only text</description></item></channel></rss>`;
    const feed = await parseFeed(rss, 'application/rss+xml', { feedUrl: FEED_URL });
    expect(feed.items[0]?.itemKey).toMatch(/^link:/);
    expect(feed.items[1]?.itemKey).toMatch(/^content:/);
  });

  it('accepts JSON Feed 1.0 with a numeric id and a single author', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old style',
      author: { name: 'Ada' },
      items: [{ id: 42, content_text: 'Hi', url: 'https://example.org/42' }],
    });
    const feed = await parseFeed(json);
    expect(feed.items[0]).toMatchObject({ itemKey: '42', author: 'Ada', contentHtml: 'Hi' });
  });

  it('parses the fixture text as served (the WordPress file read as UTF-8)', async () => {
    const feed = await parseFeed(fixtureText('wordpress.xml'));
    expect(feed.items).toHaveLength(3);
  });
});
