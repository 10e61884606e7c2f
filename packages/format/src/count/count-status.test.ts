import { describe, expect, it } from 'vitest';
import { countableText, countStatus, countStatusConservative } from './count-status.ts';

const URL_CHARS = 23;
const count = (text: string, spoiler = '') => countStatus(text, spoiler, URL_CHARS);
const LINK49 = `http://${'b'.repeat(30)}.com/example`;
const FLAG = '\u{1F3F3}\uFE0F\u200D\u26A7\uFE0F';
const SPARKLE = '\u2728';

describe('upstream StatusLengthValidator vectors (mastodon-length-spec-cases.md)', () => {
  const cases: [id: string, spoiler: string, text: string, counted: number, limit: number][] = [
    ['A5', '', 'a'.repeat(200), 200, 100],
    ['A6', 'a'.repeat(200), '', 200, 100],
    ['A7', 'a'.repeat(55), 'a'.repeat(50), 105, 100],
    ['A8', '', `${'a'.repeat(76)} ${LINK49}`, 100, 100],
    ['A9', '', `${'a'.repeat(76)}${LINK49}`, 125, 100],
    ['A10', '', `http://example.com/valid?${'#foo?'.repeat(1000)}`, 5025, 100],
    ['A11', '', `${'a'.repeat(75)} @alice@${'b'.repeat(30)}.com`, 82, 100],
    ['A12', '', `@alice@${'b'.repeat(506)}.com`, 517, 100],
    ['A13', '', SPARKLE.repeat(100), 100, 100],
    ['A14', '', FLAG.repeat(100), 100, 100],
    ['B3', 'a'.repeat(520), '', 520, 500],
    ['B4', '', 'a'.repeat(520), 520, 500],
    ['B5', 'a'.repeat(250), 'b'.repeat(251), 501, 500],
    ['B6', '', `${'a'.repeat(476)} ${LINK49}`, 500, 500],
    ['B7', '', `${'a'.repeat(476)}${LINK49}`, 525, 500],
    ['B8', '', `http://example.com/valid?${'#foo?'.repeat(1000)}`, 5025, 500],
    ['B9', '', `${'a'.repeat(475)} @alice@${'b'.repeat(30)}.com`, 482, 500],
    ['B10', '', `@alice@${'b'.repeat(500)}.com`, 511, 500],
    ['B11', '', SPARKLE.repeat(500), 500, 500],
    ['B12', '', FLAG.repeat(500), 500, 500],
  ];
  it.each(cases)('%s counts as the validator does', (_id, spoiler, text, counted) => {
    expect(countStatus(text, spoiler, URL_CHARS)).toBe(counted);
  });
  it.each(cases)('%s: valid exactly when the count is within the limit', (_id, s, t, c, limit) => {
    expect(countStatus(t, s, URL_CHARS) <= limit).toBe(c <= limit);
  });
});

describe('URLs', () => {
  it.each(['http', 'https', 'dat', 'dweb', 'ipfs', 'ipns', 'ssb', 'gopher', 'gemini'])(
    'counts a %s:// URL as urlChars',
    (scheme) => {
      expect(count(`${scheme}://example.com/some/long/path/${'x'.repeat(40)}`)).toBe(23);
    },
  );

  it('matches the scheme case-insensitively', () => {
    expect(count('HTTPS://EXAMPLE.COM/PATH/THAT/IS/LONG/ENOUGH')).toBe(23);
    expect(count('Gemini://example.com/a-longer-path-here')).toBe(23);
  });

  it('counts a short URL as urlChars too, more than its length', () => {
    expect(count('http://a.io')).toBe(23);
  });

  it('uses the urlChars it is given', () => {
    expect(countStatus('see https://example.com/a/b/c/d', '', 30)).toBe(4 + 30);
  });

  it.each([
    ['ftp', 'ftp://example.com/some/file.txt'],
    ['mailto', 'mailto:someone@example.com'],
    ['xmpp', 'xmpp:someone@example.com'],
    ['magnet', 'magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a'],
    ['localhost', 'http://localhost:3000/some/path/here'],
    ['an IPv4 host', 'http://192.168.100.200/some/path/here'],
    ['an unknown TLD', 'https://example.notarealtld/some/path'],
    ['no scheme', 'example.com/some/longer/path/here'],
    ['www without scheme', 'www.example.com/some/longer/path'],
  ])('counts %s as written', (_what, url) => {
    expect(count(url)).toBe(url.length);
  });

  it('accepts ports', () => {
    expect(count('https://example.com:8443/path/to/something')).toBe(23);
  });

  it('accepts punycode TLDs', () => {
    expect(count('https://example.xn--p1ai/path/to/something')).toBe(23);
  });

  it('accepts non-ASCII TLDs from the list', () => {
    expect(count('https://пример.рф/путь/к/странице')).toBe(23);
    expect(count('https://例え.みんな/パス')).toBe(23);
  });

  it.each(['a', 'Z', '0', '@', '＠', '$', '#', '＃', '\uFEFF', '\uFFFE'])(
    'does not count a URL glued to %j',
    (before) => {
      const text = `${before}https://example.com/path`;
      expect(count(text)).toBe(text.length);
    },
  );

  it.each(['(', '"', '.', '-', '«', '日', '\u200F', '\u202B', '\u2066', ':', '/'])(
    'counts a URL after %j',
    (before) => {
      expect(count(`${before}https://example.com/path/that/is/long`)).toBe(1 + 23);
    },
  );

  it('counts a URL at the start of a line', () => {
    expect(count('x\nhttps://example.com/path/that/is/long')).toBe(2 + 23);
  });

  it.each(['.', ',', ':', ';', '!', '?', '"', "'", '*', '=', '$', '%', '~', '&', '|', '@', ']'])(
    'leaves a trailing %j out of the URL',
    (trailing) => {
      expect(count(`https://example.com/path${trailing}`)).toBe(23 + 1);
    },
  );

  it('keeps a trailing slash, hyphen, plus or hash inside the URL', () => {
    for (const end of ['/', '-', '+', '#', '_', '='.replace('=', '/x/')]) {
      expect(count(`https://example.com/path${end}`)).toBe(23);
    }
  });

  it('keeps balanced parentheses and drops an unbalanced closing one', () => {
    expect(count('https://en.wikipedia.org/wiki/Primer_(film)')).toBe(23);
    expect(count('(see https://example.com/path)')).toBe(1 + 4 + 23 + 1);
    expect(count('https://example.com/a_(b_(c))')).toBe(23);
  });

  it('ends the query before a trailing question mark and keeps non-ASCII query text', () => {
    expect(count('https://example.com/?q=1?')).toBe(24);
    expect(count('https://example.com/?q=日本語')).toBe(23);
  });

  it('extends a path over glued non-ASCII text (Mastodon widened the path alphabet)', () => {
    expect(count('https://example.com/path日本語のテキスト')).toBe(23);
  });

  it('counts URLs of 4096 characters as urlChars and longer ones as written', () => {
    const prefix = 'https://example.com/';
    const url4096 = prefix + 'a'.repeat(4096 - prefix.length);
    const url4097 = prefix + 'a'.repeat(4097 - prefix.length);
    expect(count(url4096)).toBe(23);
    expect(count(url4097)).toBe(4097);
  });

  it('counts the domain in its ASCII (punycode) form against the 4096 cap', () => {
    const domain = 'bücher.de';
    const path = `/${'a'.repeat(4096 - 'https://'.length - domain.length - 1)}`;
    expect([...`https://${domain}${path}`].length).toBe(4096);
    // xn--bcher-kva.de is 7 characters longer than bücher.de.
    expect(count(`https://${domain}${path}`)).toBe(4096);
    expect(count(`https://${domain}${path.slice(0, -7)}`)).toBe(23);
  });

  it('cuts a t.co URL after its slug', () => {
    expect(count('https://t.co/abc123/more')).toBe(23 + '/more'.length);
  });

  it('does not count a scheme URL swallowed by a bare-domain match before it', () => {
    const text = 'example.com/https://example.org/long/path';
    expect(count(text)).toBe(text.length);
  });

  it('counts several URLs separately', () => {
    expect(count('https://a.com/x https://b.org/y')).toBe(23 + 1 + 23);
  });
});

describe('mentions', () => {
  it('counts @user@domain as @user', () => {
    expect(count('@alice@example.com')).toBe(6);
    expect(count('hi @alice@mastodon.example.social!')).toBe(3 + 6 + 1);
  });

  it('leaves a local @user unchanged', () => {
    expect(count('@alice')).toBe(6);
  });

  it('needs no TLD and no existing account', () => {
    expect(count('@alice@localhost')).toBe(6);
  });

  it('accepts Unicode domains and dotted usernames', () => {
    expect(count('@a.l-ice@bücher.example')).toBe(8);
  });

  it('ends the domain before a joiner, which Ruby does not count as a word character', () => {
    expect(count('@alice@example.com-\u200D')).toBe(6 + 1);
    // The joiner then extends the last cluster of @alice; x stays outside the mention.
    expect(count('@alice@example.com\u200Cx')).toBe(6 + 1);
  });

  it('excludes a trailing dot', () => {
    expect(count('@alice@example.com.')).toBe(7);
  });

  it.each([
    ['an e-mail address', 'alice@example.com'],
    ['a word character before', 'x@alice@example.com'],
    ['a slash before', '/@alice@example.com'],
    ['an equals sign before', '=@alice@example.com'],
    ['an @ after', '@alice@example.com@'],
    ['a fullwidth ＠ after', '@alice@example.com＠'],
    [':// after', '@alice@example.com://'],
  ])('counts %s as written', (_what, text) => {
    expect(count(text)).toBe([...new Intl.Segmenter().segment(text)].length);
  });

  it('drops domains of up to 253 characters and no longer', () => {
    const domain253 = `${'b'.repeat(249)}.com`;
    const domain254 = `${'b'.repeat(250)}.com`;
    expect(count(`@alice@${domain253}`)).toBe(6);
    expect(count(`@alice@${domain254}`)).toBe(7 + 254);
  });

  it('lets a URL win over a mention inside it', () => {
    expect(count('https://example.com/@alice@example.org')).toBe(23);
  });
});

describe('graphemes and whitespace', () => {
  it.each([
    ['a ZWJ family', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', 1],
    ['a flag', '\u{1F1E9}\u{1F1EA}', 1],
    ['two flags', '\u{1F1E9}\u{1F1EA}\u{1F1EB}\u{1F1F7}', 2],
    ['a skin tone', '\u{1F44B}\u{1F3FD}', 1],
    ['a combining accent', 'e\u0301', 1],
    ['stacked combining marks', 'a\u0301\u0302\u0303', 1],
    ['Hangul jamo', '\u1100\u1161\u11A8', 1],
    ['a keycap', '1\uFE0F\u20E3', 1],
    ['CRLF', 'a\r\nb', 3],
    ['a zero-width space', 'a\u200Bb', 3],
    ['CJK', '日本語のテキスト', 8],
    ['Arabic (RTL)', 'مرحبا بالعالم', 13],
    ['Hebrew with marks', 'שָׁלוֹם', 4],
    ['Thai with a spacing vowel', 'น้ำ', 1],
  ])('counts %s as clusters', (_what, text, clusters) => {
    expect(count(text)).toBe(clusters);
  });

  it('strips ASCII whitespace and NUL around the text and the spoiler', () => {
    expect(count('  \t\n hello \r\n ', ' \n cw \t')).toBe(2 + 5);
    expect(count('\0hello\0')).toBe(5);
  });

  it('does not strip Unicode spaces, as Ruby does not', () => {
    expect(count('\u3000hello\u00A0')).toBe(7);
    expect(count('hello', '\u3000cw')).toBe(3 + 5);
  });

  it('counts blank text as nothing, Unicode spaces included', () => {
    expect(count('   ', 'cw')).toBe(2);
    expect(count('\u3000\u00A0\u2003', 'cw')).toBe(2);
    expect(count('', '')).toBe(0);
  });

  it('counts the spoiler as written: no URL or mention discount', () => {
    const url = 'https://example.com/some/long/path/here';
    expect(count('x', url)).toBe(url.length + 1);
    expect(count('x', '@alice@example.com')).toBe(18 + 1);
    expect(count(url, url)).toBe(url.length + 23);
  });

  it('counts a CW with blank text as the text, since Mastodon moves it there', () => {
    const url = 'https://example.com/some/long/path/here';
    expect(count('', url)).toBe(23);
    expect(count(' \n', '@alice@example.com')).toBe(6);
    expect(count('', 'http://a.io')).toBe(23);
    expect(count('\u3000', ' cw ')).toBe(2);
    expect(count('', '\u3000')).toBe(1); // a blank CW stays a CW, and Ruby does not strip U+3000
  });

  it('counts hashtags, e-mail addresses and custom emoji as written', () => {
    expect(count('#Mastodon #日本 #v2024')).toBe(20);
    expect(count('write to alice@example.com')).toBe(26);
    expect(count(':blobcat: <b>hi</b>')).toBe(19);
  });

  it('counts clusters across the spoiler/text boundary as the joined string forms them', () => {
    expect(count('\u0301x', 'e')).toBe(2);
    expect(count('\u{1F1EA}', '\u{1F1E9}')).toBe(1);
  });

  it('shows the rewriting it counts', () => {
    expect(countableText(' hi @bob@example.com https://example.com/x ', 5)).toBe('hi @bob xxxxx');
  });
});

describe('countStatusConservative', () => {
  const conservative = (text: string, spoiler = '') =>
    countStatusConservative(text, spoiler, URL_CHARS);

  it('equals the exact count for ordinary text', () => {
    const text = 'Hello @alice@example.com, see https://example.com/x 👋🏽 日本語';
    expect(conservative(text, 'cw')).toBe(count(text, 'cw'));
  });

  it('splits Indic conjuncts as servers before Unicode 15.1 did', () => {
    // क्षि: one cluster under GB9c, two before it (क्, षि).
    expect(count('क्षि')).toBe(1);
    expect(conservative('क्षि')).toBe(2);
    expect(conservative('क्\u200Dष')).toBe(2);
    expect(conservative('স্ত্র')).toBe(3);
  });

  it('counts URLs whose acceptance depends on IDN handling as written when longer', () => {
    const idn = 'https://bücher.de/a/long/enough/path/here';
    expect(count(idn)).toBe(23);
    expect(conservative(idn)).toBe([...idn].length);
    const longLabel = `https://${'a'.repeat(64)}.com/`;
    expect(count(longLabel)).toBe(23);
    expect(conservative(longLabel)).toBe(longLabel.length);
  });

  it('never goes below the exact count for short IDN URLs', () => {
    expect(conservative('http://ü.de')).toBe(23);
  });

  it('counts a CW that Mastodon would move into blank text as that text', () => {
    expect(conservative('', 'http://a.io')).toBe(23);
    expect(conservative('', 'https://bücher.de/a/long/enough/path')).toBe(36);
  });
});
