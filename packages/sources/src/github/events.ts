import type { GithubRepoConfig, HeraldConfig } from '@herald/config';
import type { SourceItem } from '@herald/core';
import { escapeAttribute, escapeText } from 'entities';
import { z } from 'zod';
import { textToHtml } from '../text.ts';

/** What a verified delivery becomes: items to enqueue, or a reason it is ignored. */
export type GithubEventOutcome =
  | {
      kind: 'items';
      items: SourceItem[];
      /** `github:<owner/name>`, lower-cased: the scope of the items' job ids. */
      sourceId: string;
    }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; reason: string };

type Rejected = Exclude<GithubEventOutcome, { kind: 'items' }>;

const user = z.object({ login: z.string() });
const repository = z.object({
  full_name: z.string().min(1),
  html_url: z.string(),
  default_branch: z.string().optional(),
  topics: z.array(z.string()).optional(),
});
const withRepository = z.object({ repository });

const releasePayload = z.object({
  action: z.string(),
  release: z.object({
    id: z.number(),
    html_url: z.string(),
    tag_name: z.string(),
    name: z.string().nullish(),
    body: z.string().nullish(),
    draft: z.boolean().optional(),
    prerelease: z.boolean().optional(),
    created_at: z.string().nullish(),
    published_at: z.string().nullish(),
    author: user.nullish(),
  }),
  repository,
  sender: user.optional(),
});

const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  compare: z.string(),
  deleted: z.boolean().optional(),
  commits: z.array(
    z.object({
      id: z.string(),
      message: z.string(),
      url: z.string(),
      distinct: z.boolean().optional(),
      timestamp: z.string().optional(),
      author: z.object({ name: z.string(), username: z.string().optional() }).optional(),
    }),
  ),
  pusher: z.object({ name: z.string() }).optional(),
  repository,
  sender: user.optional(),
});

/**
 * Maps a verified GitHub delivery to source items. Only configured repositories and events
 * produce items; `release` yields one item per published release, `push` one item per push
 * to the default branch summarising its commits.
 */
export function mapGithubEvent(
  config: HeraldConfig,
  event: string,
  payload: unknown,
): GithubEventOutcome {
  const located = withRepository.safeParse(payload);
  if (!located.success) return { kind: 'ignored', reason: `${event} event has no repository` };
  const fullName = located.data.repository.full_name;
  const repo = findRepo(config, fullName);
  if (!repo) return { kind: 'ignored', reason: `repository ${fullName} is not configured` };
  if (!repo.events.includes(event)) {
    return { kind: 'ignored', reason: `event ${event} is not configured for ${repo.repo}` };
  }
  const items =
    event === 'release' ? mapRelease(payload) : event === 'push' ? mapPush(payload) : undefined;
  if (!items) return { kind: 'ignored', reason: `event ${event} is not supported` };
  if (!Array.isArray(items)) return items;
  return { kind: 'items', items, sourceId: `github:${fullName.toLowerCase()}` };
}

function findRepo(config: HeraldConfig, fullName: string): GithubRepoConfig | undefined {
  const wanted = fullName.toLowerCase();
  return config.github?.repos.find((r) => r.repo.toLowerCase() === wanted);
}

function mapRelease(payload: unknown): SourceItem[] | Rejected {
  const parsed = releasePayload.safeParse(payload);
  if (!parsed.success) return invalid('release', parsed.error);
  const { action, release, repository: repo, sender } = parsed.data;
  if (action !== 'published')
    return { kind: 'ignored', reason: `release action ${action} is not posted` };
  if (release.draft) return { kind: 'ignored', reason: 'draft releases are not posted' };
  const name = release.name?.trim() || release.tag_name;
  const publishedAt = release.published_at ?? release.created_at;
  const author = release.author?.login ?? sender?.login;
  const body = release.body?.trim();
  const item: SourceItem = {
    source: { kind: 'github', repo: repo.full_name, event: 'release' },
    itemKey: `github:${repo.full_name.toLowerCase()}:release:${release.id}`,
    url: release.html_url,
    title: name,
    // Release notes are Markdown; carried as escaped text so no formatter reads it as HTML.
    ...(body ? { contentHtml: textToHtml(body) } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    categories: repo.topics ?? [],
    media: [],
    sourceTitle: repo.full_name,
    fields: {
      repo: repo.full_name,
      'repo.url': repo.html_url,
      'release.tag': release.tag_name,
      'release.name': name,
      'release.url': release.html_url,
      'release.prerelease': String(release.prerelease ?? false),
      ...(body ? { 'release.body': body, 'content.format': 'markdown' } : {}),
      ...(sender ? { sender: sender.login } : {}),
    },
  };
  return [item];
}

function mapPush(payload: unknown): SourceItem[] | Rejected {
  const parsed = pushPayload.safeParse(payload);
  if (!parsed.success) return invalid('push', parsed.error);
  const { ref, after, compare, deleted, commits, pusher, repository: repo, sender } = parsed.data;
  const branch = ref.replace(/^refs\/heads\//, '');
  if (!ref.startsWith('refs/heads/') || branch !== repo.default_branch) {
    return { kind: 'ignored', reason: `push to ${ref} is not to the default branch` };
  }
  const distinct = commits.filter((c) => c.distinct !== false);
  if (deleted || distinct.length === 0)
    return { kind: 'ignored', reason: 'push has no new commits' };
  const count = distinct.length;
  const list = distinct
    .map((c) => {
      const line = escapeText(c.message.split('\n')[0] ?? '');
      const by = c.author ? ` by ${escapeText(c.author.username ?? c.author.name)}` : '';
      return `<li>${line} (<a href="${escapeAttribute(c.url)}">${c.id.slice(0, 7)}</a>)${by}</li>`;
    })
    .join('');
  const author = pusher?.name ?? sender?.login;
  const last = distinct[distinct.length - 1];
  const item: SourceItem = {
    source: { kind: 'github', repo: repo.full_name, event: 'push' },
    itemKey: `github:${repo.full_name.toLowerCase()}:push:${after}`,
    url: count === 1 && last ? last.url : compare,
    title: `${count} new commit${count === 1 ? '' : 's'} on ${branch}`,
    contentHtml: `<ul>${list}</ul>`,
    ...(author ? { author } : {}),
    ...(last?.timestamp ? { publishedAt: last.timestamp } : {}),
    categories: repo.topics ?? [],
    media: [],
    sourceTitle: repo.full_name,
    fields: {
      repo: repo.full_name,
      'repo.url': repo.html_url,
      branch,
      'push.commits': String(count),
      'push.compare': compare,
      ...(sender ? { sender: sender.login } : {}),
    },
  };
  return [item];
}

function invalid(event: string, error: z.ZodError): Rejected {
  const where = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return {
    kind: 'invalid',
    reason: `unexpected ${event} payload: ${where.slice(0, 3).join('; ')}`,
  };
}
