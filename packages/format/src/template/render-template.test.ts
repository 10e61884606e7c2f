import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEED_TEMPLATE,
  DEFAULT_GITHUB_TEMPLATE,
  DEFAULT_RELEASE_TEMPLATE,
  defaultTemplateFor,
} from './default-templates.ts';
import { renderTemplate } from './render-template.ts';

const text = (template: string, fields: Record<string, string>) =>
  renderTemplate(template, fields)
    .segments.map((s) => s.text)
    .join('');

describe('renderTemplate', () => {
  it('makes title/summary/content shrinkable, link and hashtags their own kinds', () => {
    const { segments, warnings } = renderTemplate(
      DEFAULT_FEED_TEMPLATE.replace('{title}', '{title}: {summary}'),
      {
        title: 'Hello',
        summary: 'A summary',
        link: 'https://example.com/a',
        hashtags: '#a #b',
      },
    );
    expect(warnings).toEqual([]);
    expect(segments).toEqual([
      { text: 'Hello', shrink: true, kind: 'body' },
      { text: ': ', shrink: false, kind: 'literal' },
      { text: 'A summary', shrink: true, kind: 'body' },
      { text: '\n\n', shrink: false, kind: 'literal' },
      { text: 'https://example.com/a', shrink: false, kind: 'link' },
      { text: '\n\n', shrink: false, kind: 'literal' },
      { text: '#a #b', shrink: false, kind: 'hashtags' },
    ]);
  });

  it('inserts values as they are, never HTML-escaped', () => {
    expect(text('{title} by {author}', { title: 'Tom & Jerry <3', author: 'O\'Brien "OB"' })).toBe(
      'Tom & Jerry <3 by O\'Brien "OB"',
    );
  });

  it('renders event fields, shrinkable unless the value is a URL', () => {
    const { segments } = renderTemplate('{repo} {release.tag}: {release.url}', {
      repo: 'acme/tool',
      'release.tag': 'v1.2.0',
      'release.url': 'https://github.com/acme/tool/releases/tag/v1.2.0',
    });
    expect(segments.map((s) => [s.text, s.kind, s.shrink])).toEqual([
      ['acme/tool', 'body', true],
      [' ', 'literal', false],
      ['v1.2.0', 'body', true],
      [': ', 'literal', false],
      ['https://github.com/acme/tool/releases/tag/v1.2.0', 'link', false],
    ]);
  });

  it('renders unknown fields empty and reports them once', () => {
    const result = renderTemplate('{title} {relase.tag} {relase.tag}', { title: 'T' });
    expect(result.segments.map((s) => s.text).join('')).toBe('T');
    expect(result.warnings).toEqual(['unknown field {relase.tag}']);
  });

  it('escapes braces with {{ and }} and leaves non-field braces literal', () => {
    expect(text('{{title}} is {title}; {not a field} {}', { title: 'x' })).toBe(
      '{title} is x; {not a field} {}',
    );
  });

  it('collapses the blank lines that empty fields leave', () => {
    expect(text(DEFAULT_FEED_TEMPLATE, { title: 'T', link: '', hashtags: '' })).toBe('T');
    expect(
      text('{title}\n\n{summary}\n\n\n\n{link}\n', { title: 'T', summary: '', link: 'L' }),
    ).toBe('T\n\nL');
    expect(
      text('\n\n{summary}\nBy {author}\n\n{link}', { summary: '', author: 'A', link: '' }),
    ).toBe('By A');
  });

  it('keeps a line that has literal text even when its field is empty', () => {
    expect(text('{title}\nRead: {link}', { title: 'T', link: '' })).toBe('T\nRead:');
  });

  it('takes the space around an empty field along', () => {
    expect(text('{a} {b} {c}', { a: 'A', b: '', c: 'C' })).toBe('A C');
    expect(text('{a} – {b}', { a: '', b: 'B' })).toBe('– B');
  });

  it('keeps the line breaks inside values', () => {
    expect(text('{content}\n\n{link}', { content: 'a\n\nb', link: 'L' })).toBe('a\n\nb\n\nL');
  });
});

describe('default templates', () => {
  it('picks by source', () => {
    expect(defaultTemplateFor({ kind: 'feed', feedId: 'blog' })).toBe(DEFAULT_FEED_TEMPLATE);
    expect(defaultTemplateFor({ kind: 'github', repo: 'a/b', event: 'release' })).toBe(
      DEFAULT_RELEASE_TEMPLATE,
    );
    expect(defaultTemplateFor({ kind: 'github', repo: 'a/b', event: 'push' })).toBe(
      DEFAULT_GITHUB_TEMPLATE,
    );
  });

  it('renders a release, dropping the empty name line', () => {
    const fields = {
      repo: 'acme/tool',
      'release.tag': 'v1.2.0',
      'release.name': '',
      summary: 'Fixes.',
      link: 'https://github.com/acme/tool/releases/tag/v1.2.0',
      hashtags: '',
    };
    expect(text(DEFAULT_RELEASE_TEMPLATE, fields)).toBe(
      'acme/tool v1.2.0 released\n\nFixes.\n\nhttps://github.com/acme/tool/releases/tag/v1.2.0',
    );
    expect(text(DEFAULT_RELEASE_TEMPLATE, { ...fields, 'release.name': 'Summer' })).toBe(
      'acme/tool v1.2.0 released\nSummer\n\nFixes.\n\nhttps://github.com/acme/tool/releases/tag/v1.2.0',
    );
  });
});
