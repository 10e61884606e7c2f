import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractImages } from '../src/text/extract-images.ts';
import { htmlToText } from '../src/text/html-to-text.ts';

// Bodies in the shapes real generators produce (Gutenberg, Ghost cards, Hugo/Goldmark,
// Medium's RSS, GitHub's rendered release notes, Substack's image widgets).
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/html/${name}.html`, import.meta.url), 'utf8');

describe('htmlToText on real-world bodies', () => {
  it('WordPress (Gutenberg, lazy images, Jetpack share buttons)', () => {
    const html = fixture('wordpress');
    expect(htmlToText(html)).toBe(
      [
        'We’re thrilled to announce the “Summer” release of our plugin. Tom & Jerry approve\u00A0— and so do we…',
        '',
        'Photo by Jane Doe',
        '',
        'What’s new',
        '',
        '• Faster exports',
        '• A new documentation site (https://blog.example.org/docs/?utm_source=rss&utm_medium=rss)',
        '• Fixes for <script> handling',
        '',
        '> Best release yet.',
        '> A happy user',
        '',
        'Questions? Ping @someone@mastodon.social 🙂',
        '',
        'The post Summer release (https://blog.example.org/2024/06/summer/) appeared first on Example Blog (https://blog.example.org).',
      ].join('\n'),
    );
    expect(extractImages(html)).toEqual([
      {
        url: 'https://blog.example.org/wp-content/uploads/2024/06/summer-1024x576.jpg',
        alt: 'A beach at sunset',
      },
    ]);
  });

  it('Ghost (cards, relative links)', () => {
    const html = fixture('ghost');
    expect(htmlToText(html, { baseUrl: 'https://ghost.example.com/newsletters/' })).toBe(
      [
        "Ghost 5 brings native newsletters. Here's how we use them.",
        '',
        'The new dashboard',
        '',
        'Setting up',
        '',
        '1. Open Settings',
        '2. Pick a plan',
        '',
        '💡',
        'Tip: read the docs (https://ghost.example.com/docs/newsletters/) first.',
        'Subscribe (https://ghost.example.com/#/portal/signup)',
        '',
        'Thanks for reading!',
      ].join('\n'),
    );
    expect(extractImages(html)).toEqual([
      {
        url: 'https://ghost.example.com/content/images/2024/05/cover.png',
        alt: 'Dashboard screenshot',
      },
    ]);
  });

  it('Hugo (footnotes, highlighted code)', () => {
    expect(htmlToText(fixture('hugo'))).toBe(
      [
        'Hugo renders Markdown with Goldmark. This post has a footnote and some code:',
        '',
        'func main() {',
        'fmt.Println("hi <there>")',
        '}',
        '',
        'See https://gohugo.io/ for more.',
        '',
        '1. The footnote text.',
      ].join('\n'),
    );
  });

  it('Medium (figure, blockquote with <br>, tracking pixel)', () => {
    const html = fixture('medium');
    expect(htmlToText(html)).toBe(
      [
        'Why we moved to Rust',
        '',
        'Our build times, before and after',
        '',
        'Last year our team rewrote the ingestion service. The results surprised us.',
        '',
        '> Rewrites are risky.',
        '> But this one paid off.',
        '',
        'Read more on our blog (https://medium.com/@writer/why-rust-123?source=rss----abc---4).',
      ].join('\n'),
    );
    expect(extractImages(html)).toEqual([
      { url: 'https://cdn-images-1.medium.com/max/1024/1*abc.png', alt: '' },
    ]);
  });

  it('GitHub release notes (rendered Markdown)', () => {
    expect(htmlToText(fixture('github-release'))).toBe(
      [
        "What's Changed",
        '',
        '• Add --json flag to status by @octocat in #1234',
        '• Fix crash when config is empty by @hubot in #1240',
        '',
        'New Contributors',
        '',
        '• @newbie made their first contribution in #1239',
        '',
        'Full Changelog: v1.1.0...v1.2.0 (https://github.com/acme/tool/compare/v1.1.0...v1.2.0)',
      ].join('\n'),
    );
  });

  it('Substack (image widget with svg, loose list)', () => {
    const html = fixture('substack');
    expect(htmlToText(html)).toBe(
      [
        'Welcome back to the newsletter! This week: three links and a chart.',
        '',
        'Growth since January',
        '',
        '1. An article about feeds (https://example.com/article?utm_source=substack&utm_medium=email) — worth your time.',
        '2. A podcast (https://example.org/podcast).',
        '',
        'Subscribe now (https://news.example.com/subscribe?)',
      ].join('\n'),
    );
    expect(extractImages(html)).toEqual([
      {
        url: 'https://substackcdn.com/image/fetch/w_1456,c_limit,f_auto/chart.png',
        alt: 'Chart of subscriber growth',
      },
    ]);
  });
});
