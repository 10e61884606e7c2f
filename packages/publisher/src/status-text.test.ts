import { describe, expect, it } from 'vitest';
import { contentToText, looseText } from './status-text.ts';

describe('status content to text', () => {
  it('undoes Mastodon’s rendering of paragraphs, breaks, links and entities', () => {
    const html =
      '<p>Release 1.2 &amp; more<br />See <a href="https://example.org/r/1.2" rel="nofollow">' +
      '<span class="invisible">https://</span><span class="">example.org/r/1.2</span>' +
      '<span class="invisible"></span></a></p><p>#news &#39;quoted&#39; &#x1F600;</p>';
    expect(contentToText(html)).toBe(
      "Release 1.2 & more\nSee https://example.org/r/1.2\n\n#news 'quoted' 😀",
    );
  });
  it('compares loosely on whitespace', () => {
    expect(looseText(' a\n\nb  c ')).toBe('a b c');
  });
});
