import { describe, expect, it } from 'vitest';
import { cleanUrl, cleanUrlsInText } from './clean-url.ts';
import { findUrls } from './find-urls.ts';

describe('cleanUrl', () => {
  it('removes utm_* and click ids, keeping the rest byte for byte', () => {
    expect(
      cleanUrl(
        'https://example.com/a/b?id=7&utm_source=rss&utm_medium=feed&Page=2&fbclid=IwAR0x#sec-2',
      ),
    ).toBe('https://example.com/a/b?id=7&Page=2#sec-2');
  });

  it('drops the ? when only tracking parameters were there', () => {
    expect(cleanUrl('https://example.com/post/?utm_source=mastodon&utm_campaign=x')).toBe(
      'https://example.com/post/',
    );
    expect(cleanUrl('https://example.com/?gclid=abc#top')).toBe('https://example.com/#top');
  });

  it('leaves a URL without tracking parameters untouched, encoding and all', () => {
    const url =
      'https://example.com/s%20p?q=caf%C3%A9+au+lait&empty=&flag&&x=%2F#frag?utm_source=x';
    expect(cleanUrl(url)).toBe(url);
  });

  it('keeps encoding and order of the surviving parameters', () => {
    expect(cleanUrl('https://example.com/?b=%2F&mc_cid=1&a=caf%C3%A9&mc_eid=2&b=2')).toBe(
      'https://example.com/?b=%2F&a=caf%C3%A9&b=2',
    );
  });

  it('matches names case-insensitively and percent-decoded', () => {
    expect(cleanUrl('https://example.com/?UTM_Source=x&utm%5Fmedium=y&keep=1')).toBe(
      'https://example.com/?keep=1',
    );
  });

  it('knows the usual trackers', () => {
    const trackers = [
      'gclid',
      'dclid',
      'msclkid',
      'mc_cid',
      'mc_eid',
      'igshid',
      'ref_src',
      'ref_url',
      '_hsenc',
      '_hsmi',
      'mkt_tok',
      'yclid',
      'vero_conv',
      'oly_enc_id',
      's_cid',
      'twclid',
    ];
    for (const name of trackers) {
      expect(cleanUrl(`https://example.com/?a=1&${name}=v`), name).toBe('https://example.com/?a=1');
    }
  });

  it('does not touch generic names sites use for content', () => {
    const url = 'https://github.com/acme/tool/blob/main/x.ts?ref=v1.2&source=feed&id=3';
    expect(cleanUrl(url)).toBe(url);
  });

  it('takes extra names and prefixes from the route', () => {
    expect(cleanUrl('https://example.com/?sc_src=1&ab_test=b&keep=1', ['sc_src', 'ab_*'])).toBe(
      'https://example.com/?keep=1',
    );
  });
});

describe('cleanUrlsInText', () => {
  it('cleans every URL in a text and counts what it removed', () => {
    const text =
      'Read https://a.example/x?utm_source=rss. Also (see https://b.example/y?fbclid=1&p=2) and https://c.example/z';
    expect(cleanUrlsInText(text)).toEqual({
      text: 'Read https://a.example/x. Also (see https://b.example/y?p=2) and https://c.example/z',
      removed: 2,
    });
  });
});

describe('findUrls', () => {
  it('leaves trailing punctuation out and keeps balanced parentheses', () => {
    expect(
      findUrls('see https://en.wikipedia.org/wiki/Primer_(film), or http://x.org/a.').map(
        (s) => s.url,
      ),
    ).toEqual(['https://en.wikipedia.org/wiki/Primer_(film)', 'http://x.org/a']);
  });

  it('gives offsets into the text', () => {
    const text = 'x https://example.com/a y';
    const [span] = findUrls(text);
    expect(text.slice(span!.start, span!.end)).toBe('https://example.com/a');
  });
});
