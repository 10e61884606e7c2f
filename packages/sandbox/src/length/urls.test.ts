import { describe, expect, it } from 'vitest';
import { countStatusLength } from './count.ts';
import { extractUrls } from './urls.ts';

const urls = (text: string) => extractUrls(text).map((u) => u.value);
const count = (text: string) => countStatusLength(text, '', 23);

describe('which URLs get the flat weight', () => {
  it('accepts exactly Mastodon’s schemes, case-insensitively', () => {
    for (const scheme of [
      'http',
      'https',
      'dat',
      'dweb',
      'ipfs',
      'ipns',
      'ssb',
      'gopher',
      'gemini',
    ]) {
      expect(urls(`${scheme}://example.com/x`)).toEqual([`${scheme}://example.com/x`]);
    }
    expect(urls('HTTPS://Example.COM/x')).toEqual(['HTTPS://Example.COM/x']);
    for (const other of [
      'ftp://example.com/x',
      'mailto:a@example.com',
      'xmpp:a@example.com',
      'magnet:?xt=urn:btih:abc',
    ]) {
      expect(urls(other)).toEqual([]);
      expect(count(other)).toBe(other.length);
    }
  });

  it('counts URLs without a scheme raw', () => {
    expect(count('example.com')).toBe(11);
    expect(count('www.example.com/some/long/path/here')).toBe(35);
    expect(count('see example.com: https://example.org/x')).toBe(17 + 23);
  });

  it('needs a host ending in a twitter-text 3.1.0 TLD or punycode', () => {
    expect(count('http://localhost:3000/x')).toBe(23);
    expect(urls('http://localhost:3000/some/path')).toEqual([]);
    expect(count('http://localhost:3000/some/path')).toBe(31);
    expect(count('http://192.168.0.1/some/longer/path')).toBe(35);
    expect(count('https://example.notarealtld/longer/path')).toBe(39);
    expect(urls('https://example.social/x')).toEqual(['https://example.social/x']);
    expect(urls('https://example.xn--p1ai/x')).toEqual(['https://example.xn--p1ai/x']);
    expect(urls('https://bücher.de/x')).toEqual(['https://bücher.de/x']);
  });

  it('allows ports', () => {
    expect(urls('https://example.com:8443/path')).toEqual(['https://example.com:8443/path']);
  });

  it('refuses URLs glued to a letter, digit, @, $, # or their fullwidth forms', () => {
    for (const before of ['a', 'Z', '7', '@', '$', '#', '\uFF20', '\uFF03']) {
      expect(urls(`${before}https://example.com/x`)).toEqual([]);
    }
    expect(count('aaahttps://example.com/path/to/something')).toBe(40);
  });

  it('accepts URLs after punctuation, quotes, brackets and directional marks', () => {
    for (const before of ['(', '"', '.', ' ', '\n', '\u200E', '«', 'é']) {
      expect(urls(`${before}https://example.com/x`)).toEqual(['https://example.com/x']);
    }
  });

  it('leaves trailing punctuation out of the URL', () => {
    for (const tail of [
      '.',
      ',',
      '!',
      '?',
      ':',
      ';',
      '"',
      "'",
      ')',
      ']',
      '*',
      '~',
      '&',
      '|',
      '@',
      '=',
      '$',
      '%',
      '」',
    ]) {
      expect(urls(`https://example.com/path${tail}`)).toEqual(['https://example.com/path']);
      expect(count(`https://example.com/path${tail}`)).toBe(24);
    }
  });

  it('keeps balanced parentheses, drops an unbalanced closing one', () => {
    const wiki = 'https://en.wikipedia.org/wiki/Primer_(film)';
    expect(urls(wiki)).toEqual([wiki]);
    expect(urls(`(${wiki})`)).toEqual([wiki]);
    expect(urls('(https://example.com/path)')).toEqual(['https://example.com/path']);
    expect(count('(https://example.com/path)')).toBe(25);
    const nested = 'https://example.com/track/We_Up_(Album_Version_(Edited))';
    expect(urls(nested)).toEqual([nested]);
  });

  it('keeps query strings and fragments', () => {
    const url = 'https://example.com/search?q=a+b&lang=en#results';
    expect(urls(`${url}.`)).toEqual([url]);
  });

  it('treats a URL of 4096 characters as a URL and one of 4097 as text', () => {
    const at = (length: number) => `https://example.com/${'a'.repeat(length - 20)}`;
    expect(at(4096)).toHaveLength(4096);
    expect(count(at(4096))).toBe(23);
    expect(count(at(4097))).toBe(4097);
  });

  it('counts the punycode expansion of an IDN host towards 4096', () => {
    const host = 'bücher.de';
    const path = 'a'.repeat(4096 - `https://${host}/`.length);
    const url = `https://${host}/${path}`;
    expect(url).toHaveLength(4096);
    // xn--bcher-kva.de is 7 characters longer than bücher.de.
    expect(count(url)).toBe(4096);
    expect(count(`https://${host}/${path.slice(7)}`)).toBe(23);
  });

  it('refuses a host with a label over 63 characters (IDNA fails)', () => {
    expect(urls(`https://${'a'.repeat(63)}.com/x`)).toHaveLength(1);
    expect(urls(`https://${'a'.repeat(64)}.com/x`)).toEqual([]);
  });

  it('cuts t.co links after the slug', () => {
    expect(urls('http://t.co/abc/def')).toEqual(['http://t.co/abc']);
    expect(count('http://t.co/abc/def')).toBe(27);
    expect(urls(`https://t.co/${'a'.repeat(41)}`)).toEqual([]);
  });

  it('lets a URL swallow a mention in its path', () => {
    expect(count('https://example.com/@alice@example.org')).toBe(23);
  });

  it('does not discount a scheme URL hidden in the path of a scheme-less one', () => {
    expect(urls('example.com/https://foo.com')).toEqual([]);
  });

  it('finds several URLs and weighs each one', () => {
    expect(count('https://a.com/x https://b.org/y, gemini://c.net')).toBe(23 * 3 + 3);
  });

  it('reports UTF-16 offsets into the text', () => {
    const text = '🎉 see https://example.com/x.';
    const [url] = extractUrls(text);
    expect(text.slice(url!.start, url!.end)).toBe('https://example.com/x');
  });
});
