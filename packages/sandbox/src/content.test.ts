import { describe, expect, it } from 'vitest';
import { extractHashtags, hashtagNames, renderContent } from './content.ts';

describe('content', () => {
  it('escapes HTML and builds paragraphs and line breaks', () => {
    expect(renderContent('a <b> & "c"\nnext\n\nsecond', 'http://x')).toBe(
      '<p>a &lt;b&gt; &amp; &quot;c&quot;<br />next</p><p>second</p>',
    );
  });

  it('links URLs, hiding the scheme and shortening the rest', () => {
    const html = renderContent(
      'see https://www.example.com/a/rather/long/path/to/something',
      'http://x',
    );
    expect(html).toContain('href="https://www.example.com/a/rather/long/path/to/something"');
    expect(html).toContain('<span class="invisible">https://www.</span>');
    expect(html).toContain('<span class="ellipsis">example.com/a/rather/long/path</span>');
  });

  it('finds hashtags the way Mastodon does', () => {
    expect(hashtagNames('#Herald #2024 #v2024 #foo-bar x#no (#yes) #日本語 #a·b #Herald')).toEqual([
      'herald',
      'v2024',
      'foo',
      'yes',
      '日本語',
      'a·b',
    ]);
    expect(extractHashtags('https://example.com/#anchor')).toEqual([]);
    expect(renderContent('#Tag', 'http://x')).toBe(
      '<p><a href="http://x/tags/tag" class="mention hashtag" rel="tag">#<span>Tag</span></a></p>',
    );
  });
});
