import { describe, expect, it } from 'vitest';
import { findUrls } from './find-urls.ts';

const urls = (text: string) => findUrls(text).map(({ url, recognised }) => [url, recognised]);

describe('findUrls', () => {
  it('marks the URLs Mastodon counts as recognised, with their offsets', () => {
    const text = 'Read https://example.com/post. Then more.';
    expect(findUrls(text)).toEqual([
      { start: 5, end: 29, url: 'https://example.com/post', recognised: true },
    ]);
  });

  it('also finds URL-ish tokens Mastodon counts as written', () => {
    expect(
      urls(
        'a ftp://files.example.com/x b http://localhost:3000/y c www.example.org d x.example.io/p',
      ),
    ).toEqual([
      ['ftp://files.example.com/x', false],
      ['http://localhost:3000/y', false],
      ['www.example.org', false],
      ['x.example.io/p', false],
    ]);
  });

  it('finds scheme-less URIs', () => {
    expect(urls('mail mailto:me@example.com or xmpp:me@example.com')).toEqual([
      ['mailto:me@example.com', false],
      ['xmpp:me@example.com', false],
    ]);
  });

  it('drops trailing punctuation but keeps balanced brackets', () => {
    expect(urls('(see example.org/wiki/A_(b)), and ftp://x.org/f.')).toEqual([
      ['example.org/wiki/A_(b)', false],
      ['ftp://x.org/f', false],
    ]);
  });

  it('counts a glued URL as unrecognised but still a URL', () => {
    expect(urls('abchttps://example.com/x')).toEqual([['abchttps://example.com/x', false]]);
  });

  it('ignores e-mail domains, plain words and numbers', () => {
    expect(urls('write to me@example.com about 3.14 and e.g. things')).toEqual([]);
  });
});
