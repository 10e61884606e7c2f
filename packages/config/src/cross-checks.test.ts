import { describe, expect, it } from 'vitest';
import { parseConfigObject } from './load.ts';

const feed = (to: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'blog',
  url: 'https://example.org/feed.xml',
  to,
  ...extra,
});
const problemsOf = (value: unknown) => {
  const result = parseConfigObject(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('cross-checks', () => {
  it('a dry-run account needs neither instance nor token; a posting one needs both', () => {
    expect(problemsOf({ accounts: { demo: { dryRun: true } } })).toEqual([]);
    expect(problemsOf({ accounts: { main: { instance: 'https://m.example' } } })).toEqual([
      'accounts.main.token: required for an account that posts (or set dryRun: true)',
    ]);
    expect(problemsOf({ accounts: { main: { token: 't', dryRun: false } } })).toEqual([
      'accounts.main.instance: required for an account that posts (or set dryRun: true)',
    ]);
    // An unclear dryRun is reported once, by the schema, without guessing the rest.
    expect(problemsOf({ accounts: { main: { dryRun: 'yes' } } })).toEqual([
      'accounts.main.dryRun: expected true or false, got text',
    ]);
  });

  it('every `to:` names a known account, once', () => {
    const accounts = { main: { dryRun: true }, test: { dryRun: true } };
    expect(problemsOf({ accounts, feeds: [feed(['main', { account: 'tset' }, 'main'])] })).toEqual([
      'feeds[0].to[1].account: unknown account "tset" (accounts: main, test)',
      'feeds[0].to[2]: account "main" is listed twice',
    ]);
    expect(problemsOf({ accounts: {}, feeds: [feed(['main'])] })).toEqual([
      'feeds[0].to[0]: unknown account "main" (none)',
    ]);
  });

  it('feed ids are unique', () => {
    const accounts = { main: { dryRun: true } };
    const feeds = [feed(['main']), feed(['main'], { id: 'news' }), feed(['main'])];
    expect(problemsOf({ accounts, feeds })).toEqual([
      'feeds[2].id: duplicate feed id "blog" (first at feeds[0])',
    ]);
  });

  it('GitHub repos need a webhook secret, known accounts, and no duplicates', () => {
    const accounts = { main: { dryRun: true } };
    const repos = [
      { repo: 'owner/app', to: ['main'] },
      { repo: 'Owner/App', events: ['push'], to: ['nain'] },
    ];
    expect(problemsOf({ accounts, github: { repos } })).toEqual([
      'github.repos[1].repo: duplicate repo "Owner/App" (first at github.repos[0])',
      'github.repos[1].to[0]: unknown account "nain" (accounts: main)',
      'github.secret: required when github.repos is not empty (or secrets: [...] during rotation)',
    ]);
    const one = [{ repo: 'owner/app', to: ['main'] }];
    expect(problemsOf({ accounts, github: { secret: 's', repos: one } })).toEqual([]);
    expect(problemsOf({ accounts, github: { secrets: ['old', 'new'], repos: one } })).toEqual([]);
    expect(problemsOf({ accounts, github: { secrets: [], repos: one } })).toHaveLength(1);
    expect(problemsOf({ accounts, github: { repos: [] } })).toEqual([]);
  });

  it('builtin short links need server.publicUrl', () => {
    const accounts = { main: { dryRun: true } };
    const feeds = [feed([{ account: 'main', links: { shorten: 'builtin' } }])];
    expect(problemsOf({ accounts, feeds })).toEqual([
      'feeds[0].to[0].links.shorten: builtin short links need server.publicUrl',
    ]);
    expect(
      problemsOf({ accounts, feeds, server: { publicUrl: 'https://herald.example.org' } }),
    ).toEqual([]);
  });

  it('durations must be valid and positive', () => {
    const accounts = { main: { dryRun: true } };
    expect(problemsOf({ accounts, feeds: [feed(['main'], { every: '0s' })] })).toEqual([
      'feeds[0].every: must be longer than 0',
    ]);
    expect(problemsOf({ accounts, workers: { backoff: 'soon', lockDuration: '1h30m' } })).toEqual([
      'workers.backoff: expected a duration such as 30s, 10m or 1h',
    ]);
  });

  it('filter regexes must compile', () => {
    const accounts = { main: { dryRun: true } };
    const feeds = [feed(['main'], { filters: { exclude: { regex: ['ok', '(open'] } } })];
    expect(problemsOf({ accounts, feeds })).toEqual([
      'feeds[0].filters.exclude.regex[1]: invalid regular expression (Unterminated group)',
    ]);
  });
});
