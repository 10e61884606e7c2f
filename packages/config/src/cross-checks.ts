import type { PathProblem } from './issues.ts';
import type { PathSegments } from './problems.ts';

/** Shows a value found at a path in a message, or a stand-in when it must not be printed. */
export type Quote = (segments: PathSegments, value: string) => string;

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Loose)
    : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Checks that span several keys, which the schema cannot express. They run on the unvalidated
 * value (reading it defensively) so that they are reported together with the schema's
 * problems: one run of `herald validate` lists everything.
 */
export function crossCheck(input: unknown, quote: Quote): PathProblem[] {
  const config = record(input);
  if (!config) return [];
  const problems: PathProblem[] = [];
  const accounts = record(config.accounts);
  const accountNames = Object.keys(accounts ?? {});

  for (const [name, value] of Object.entries(accounts ?? {})) {
    const account = record(value);
    // An unclear dryRun (say `dryRun: yes`) is the schema's problem; do not guess here.
    if (!account || (account.dryRun !== undefined && account.dryRun !== false)) continue;
    for (const key of ['instance', 'token']) {
      if (account[key] === undefined) {
        problems.push({
          segments: ['accounts', name, key],
          message: 'required for an account that posts (or set dryRun: true)',
        });
      }
    }
  }

  const routes = (segments: PathSegments, to: unknown) => {
    const seen = new Set<string>();
    list(to).forEach((entry, index) => {
      const named = typeof entry === 'string';
      const name = named ? entry : text(record(entry)?.account);
      if (name === undefined) return;
      const at = named ? [...segments, index] : [...segments, index, 'account'];
      if (accounts && !accountNames.includes(name)) {
        const known = accountNames.length > 0 ? `accounts: ${accountNames.join(', ')}` : 'none';
        problems.push({ segments: at, message: `unknown account ${quote(at, name)} (${known})` });
      } else if (seen.has(name)) {
        problems.push({ segments: at, message: `account ${quote(at, name)} is listed twice` });
      }
      seen.add(name);
    });
  };

  const feedIds = new Map<string, number>();
  list(config.feeds).forEach((value, index) => {
    const feed = record(value);
    if (!feed) return;
    const id = text(feed.id);
    if (id !== undefined) {
      const first = feedIds.get(id);
      const at = ['feeds', index, 'id'];
      if (first === undefined) feedIds.set(id, index);
      else
        problems.push({
          segments: at,
          message: `duplicate feed id ${quote(at, id)} (first at feeds[${first}])`,
        });
    }
    routes(['feeds', index, 'to'], feed.to);
  });

  const github = record(config.github);
  const repos = list(github?.repos);
  const repoNames = new Map<string, number>();
  repos.forEach((value, index) => {
    const repo = record(value);
    if (!repo) return;
    const name = text(repo.repo);
    if (name !== undefined) {
      // GitHub names are case-insensitive, and a webhook matches the first entry only.
      const first = repoNames.get(name.toLowerCase());
      const at = ['github', 'repos', index, 'repo'];
      if (first === undefined) repoNames.set(name.toLowerCase(), index);
      else
        problems.push({
          segments: at,
          message: `duplicate repo ${quote(at, name)} (first at github.repos[${first}])`,
        });
    }
    routes(['github', 'repos', index, 'to'], repo.to);
  });
  if (github && repos.length > 0 && !text(github.secret) && list(github.secrets).length === 0) {
    problems.push({
      segments: ['github', 'secret'],
      message: 'required when github.repos is not empty (or secrets: [...] during rotation)',
    });
  }

  if (!text(record(config.server)?.publicUrl)) {
    for (const at of builtinShortLinks(config)) {
      problems.push({ segments: at, message: 'builtin short links need server.publicUrl' });
    }
  }
  return problems;
}

/** Paths of every `links.shorten: builtin`, on sources and on route entries. */
function builtinShortLinks(config: Loose): PathSegments[] {
  const found: PathSegments[] = [];
  const visit = (options: unknown, segments: PathSegments) => {
    if (record(record(options)?.links)?.shorten === 'builtin') {
      found.push([...segments, 'links', 'shorten']);
    }
  };
  const source = (value: unknown, segments: PathSegments) => {
    visit(value, segments);
    list(record(value)?.to).forEach((entry, index) => {
      visit(entry, [...segments, 'to', index]);
    });
  };
  list(config.feeds).forEach((feed, index) => {
    source(feed, ['feeds', index]);
  });
  list(record(config.github)?.repos).forEach((repo, index) => {
    source(repo, ['github', 'repos', index]);
  });
  return found;
}
