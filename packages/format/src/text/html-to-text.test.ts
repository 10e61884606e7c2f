import { describe, expect, it } from 'vitest';
import { htmlToText, textIsUrl } from './html-to-text.ts';
import { inlineText } from './inline-text.ts';

describe('htmlToText', () => {
  it('separates paragraphs with one blank line and keeps <br> as a line break', () => {
    expect(htmlToText('<p>One</p>\n\n  <p>Two<br>Three</p><p></p><p>&nbsp;</p><p>Four</p>')).toBe(
      'One\n\nTwo\nThree\n\nFour',
    );
  });

  it('decodes entities exactly once', () => {
    expect(
      htmlToText('<p>It&#8217;s Tom &amp; Jerry &mdash; &lt;b&gt; &amp;amp; &#x1F600;</p>'),
    ).toBe('It’s Tom & Jerry — <b> &amp; 😀');
  });

  it('collapses whitespace but keeps a lone no-break space', () => {
    expect(htmlToText('<p>  a \n\t b&nbsp;c &nbsp; d  </p>')).toBe('a b\u00A0c d');
  });

  it('drops soft hyphens', () => {
    expect(htmlToText('<p>Donau&shy;dampf&shy;schiff</p>')).toBe('Donaudampfschiff');
  });

  it('writes list items as bullet or numbered lines', () => {
    const html =
      '<p>Intro</p><ul><li>a</li><li><p>b</p><ul><li>b1</li></ul></li></ul><ol><li>x</li><li>y</li></ol>';
    expect(htmlToText(html)).toBe('Intro\n\n• a\n• b\n◦ b1\n\n1. x\n2. y');
  });

  it('honours <ol start>', () => {
    expect(htmlToText('<ol start="7"><li>seven</li><li>eight</li></ol>')).toBe(
      '7. seven\n8. eight',
    );
  });

  it('gives headings their own paragraph', () => {
    expect(htmlToText('text<h2>Title</h2>more')).toBe('text\n\nTitle\n\nmore');
  });

  it('keeps blockquotes as > lines', () => {
    expect(
      htmlToText('<p>He said:</p><blockquote><p>one</p><p>two</p></blockquote><p>end</p>'),
    ).toBe('He said:\n\n> one\n> two\n\nend');
  });

  it('keeps the line structure of <pre>', () => {
    expect(htmlToText('<pre><code>a = 1\nb = 2\n</code></pre>')).toBe('a = 1\nb = 2');
  });

  it('writes a link as text plus URL, or only the URL when the text is the URL', () => {
    expect(htmlToText('<p>Read <a href="https://example.com/a">the post</a>.</p>')).toBe(
      'Read the post (https://example.com/a).',
    );
    expect(htmlToText('<p><a href="https://example.com/a">https://example.com/a</a></p>')).toBe(
      'https://example.com/a',
    );
    expect(htmlToText('<p><a href="https://www.example.com/a/b/c">example.com/a/b…</a></p>')).toBe(
      'https://www.example.com/a/b/c',
    );
  });

  it('resolves relative links against the base URL, or keeps only the text without one', () => {
    const html = '<p>See <a href="/about">about</a>.</p>';
    expect(htmlToText(html, { baseUrl: 'https://example.org/post/1' })).toBe(
      'See about (https://example.org/about).',
    );
    expect(htmlToText(html)).toBe('See about.');
  });

  it('keeps only the text of non-http links and in-page anchors', () => {
    expect(
      htmlToText(
        '<a href="mailto:a@b.c">mail</a> <a href="javascript:x()">js</a> <a href="#top">top</a>',
      ),
    ).toBe('mail js top');
  });

  it('turns Mastodon mention links into full handles and keeps hashtag links as tags', () => {
    const html =
      '<p><span class="h-card"><a href="https://mastodon.social/@alice" class="u-url mention">@<span>alice</span></a></span> ' +
      '<a href="https://mastodon.social/tags/rust" class="mention hashtag" rel="tag">#<span>rust</span></a></p>';
    expect(htmlToText(html)).toBe('@alice@mastodon.social #rust');
  });

  it('drops images but keeps emoji images as their alt text', () => {
    expect(
      htmlToText(
        '<p>Hi <img class="emoji" alt="🎉" src="https://x.org/e.svg"> <img src="https://x.org/a.jpg" alt="cat"></p>',
      ),
    ).toBe('Hi 🎉');
  });

  it('never emits script, style, noscript, iframe or template content', () => {
    const html =
      '<p>a</p><script>var s = "<p>x</p>";</script><style>p{}</style><noscript><p>ns</p></noscript>' +
      '<iframe src="https://x"><p>frame</p></iframe><template><p>tpl</p></template><p>b</p>';
    expect(htmlToText(html)).toBe('a\n\nb');
  });

  it('drops footnote markers and back-links', () => {
    const html =
      '<p>Claim<sup><a href="#fn:1" class="footnote-ref">1</a></sup>.</p><ol><li><p>Source.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol>';
    expect(htmlToText(html)).toBe('Claim.\n\n1. Source.');
  });

  it('writes table rows as lines with cells separated by |', () => {
    expect(
      htmlToText('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    ).toBe('A | B\n1 | 2');
  });

  it('survives broken markup', () => {
    expect(htmlToText('<p>one<p>two</div></span><b>three')).toBe('one\n\ntwothree');
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
    expect(htmlToText('')).toBe('');
  });
});

describe('textIsUrl', () => {
  it('recognises a link text that shows its URL', () => {
    expect(textIsUrl('https://example.com/', 'https://example.com')).toBe(true);
    expect(textIsUrl('www.example.com/a', 'https://example.com/a')).toBe(true);
    expect(textIsUrl('github.com/acme/tool', 'https://github.com/acme/tool/releases')).toBe(true);
    expect(textIsUrl('example.com/some-lo…', 'https://example.com/some-long-path')).toBe(true);
  });

  it('rejects other texts', () => {
    expect(textIsUrl('node.js', 'https://nodejs.org/')).toBe(false);
    expect(textIsUrl('the docs', 'https://example.com/docs')).toBe(false);
    expect(textIsUrl('example.org', 'https://example.com')).toBe(false);
  });
});

describe('inlineText', () => {
  it('decodes titles that carry entities or inline tags', () => {
    expect(inlineText('It&#8217;s <em>here</em>')).toBe('It’s here');
    expect(inlineText('Tom &amp;amp; Jerry')).toBe('Tom &amp; Jerry');
  });

  it('keeps plain titles as they are, on one line', () => {
    expect(inlineText('Vec<T> in Rust\n  explained')).toBe('Vec<T> in Rust explained');
    expect(inlineText('AT&T & you')).toBe('AT&T & you');
  });
});
