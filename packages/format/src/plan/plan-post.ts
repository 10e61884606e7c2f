import type { Route } from '@herald/config';
import { type PostPart, type PostPlan, permanent, type SourceItem } from '@herald/core';
import type { InstanceLimits } from '../count/index.ts';
import { countStatus } from '../count/index.ts';
import { applyFilters } from '../filters/filters.ts';
import { fitToLimit } from '../fit/index.ts';
import { hashtagOptions, hashtagsFor } from '../hashtags/hashtags-for.ts';
import { hashtagsInText } from '../hashtags/to-hashtag.ts';
import { toMastodonLanguage } from '../language/to-mastodon-language.ts';
import { cleanUrlsInText } from '../links/clean-url.ts';
import type { Shortener } from '../links/shortener.ts';
import { neutralizeMentions } from '../mentions/neutralize-mentions.ts';
import { defaultTemplateFor } from '../template/default-templates.ts';
import {
  renderTemplate,
  type TemplateFields,
  templateFields,
} from '../template/render-template.ts';
import { extractImages } from '../text/extract-images.ts';
import { itemText } from './item-text.ts';
import { pickMedia } from './media.ts';
import { spoilerFor } from './spoiler.ts';
import { threadVisibility } from './visibility.ts';

export interface PlanDeps {
  /** Shortens the item's `{link}`; `noShortener` keeps it. */
  shortener: Shortener;
}

export interface PlanOptions {
  /** Characters kept free below the instance limit, passed to `fitToLimit`. */
  margin?: number;
}

export type PlanResult =
  | { status: 'post'; plan: PostPlan; notes: string[] }
  | { status: 'filtered'; rule: string };

/**
 * One item for one route → the statuses to post. In order: filters (on the item's plain text),
 * text from markup, tracking parameters removed and mentions defused in every text field,
 * the link shortened, template rendered into segments with the hashtags, content warning,
 * then `fitToLimit` (overflow `truncate` by default) counted as the instance counts. Parts
 * carry visibility (replies at most `unlisted`), language, sensitivity, media (first part
 * only) and reply chaining. `notes` tell `herald preview` which rules fired.
 */
export async function planPost(
  item: SourceItem,
  route: Route,
  limits: InstanceLimits,
  deps: PlanDeps,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const notes: string[] = [];
  const text = itemText(item);

  const verdict = applyFilters(route.filters, {
    title: text.title,
    text: `${text.summary}\n${text.content}`,
    categories: item.categories,
  });
  if (!verdict.pass) return { status: 'filtered', rule: verdict.rule ?? 'filtered' };
  if (verdict.rule) notes.push(`filter: ${verdict.rule}`);

  const template = route.template ?? defaultTemplateFor(item.source);
  const used = new Set(templateFields(template));
  const stripParams = route.links?.stripParams ?? [];
  let paramsRemoved = 0;
  let mentions = 0;
  // Every field is prepared; only those the template shows count in the notes.
  const prepare = (name: string, value: string) => {
    const cleaned = cleanUrlsInText(value, stripParams);
    const neutral = neutralizeMentions(cleaned.text, route.mentions ?? 'neutralize');
    if (used.has(name)) {
      paramsRemoved += cleaned.removed;
      mentions += neutral.count;
    }
    return neutral.text;
  };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.fields)) fields[name] = prepare(name, value);
  if (item.source.kind === 'github' && fields.repo === undefined) fields.repo = item.source.repo;
  fields.title = prepare('title', text.title);
  fields.summary = prepare('summary', text.summary);
  fields.content = prepare('content', text.content);
  fields.author = prepare('author', text.author);
  fields['feed.title'] = prepare('feed.title', item.sourceTitle ?? '');
  fields.link = used.has('link')
    ? await itemLink(item.url, stripParams, deps.shortener, notes)
    : '';
  if (paramsRemoved > 0) notes.push(`links: ${paramsRemoved} tracking parameter(s) removed`);
  if (mentions > 0) notes.push(`mentions: ${mentions} neutralised`);

  fields.hashtags = hashtags(item, route, used, fields, notes).join(' ');
  const rendered = renderTemplate(template, fields as TemplateFields);
  for (const warning of rendered.warnings) notes.push(`template: ${warning}`);

  const spoiler = spoilerFor(route.spoiler, item.categories);
  if (spoiler.rule) notes.push(spoiler.rule);

  const overflow = route.overflow ?? 'truncate';
  const fullText = rendered.segments.map((s) => s.text).join('');
  const length = countStatus(fullText, spoiler.text, limits.urlChars);
  const fitted = fitToLimit({
    segments: rendered.segments,
    spoilerText: spoiler.text,
    overflow,
    limits,
    ...(options.margin === undefined ? {} : { margin: options.margin }),
  });
  if (fitted.length > 1 || fitted[0]?.text.trim() !== fullText.trim()) {
    const counted = `overflow: ${length} of ${limits.maxCharacters} characters`;
    notes.push(
      fitted.length > 1
        ? `${counted}, split into ${fitted.length} parts`
        : `${counted}, truncated to ${fitted[0]?.length}`,
    );
  }

  const images = [
    ...extractImages(item.contentHtml ?? '', { baseUrl: item.url }),
    ...extractImages(item.summaryHtml ?? '', { baseUrl: item.url }),
  ];
  const media = pickMedia(item.media, images, route.media, limits.maxMedia);
  if (media.dropped > 0) notes.push(`media: ${media.dropped} candidate(s) over the limit left out`);
  if (fitted.every((part) => part.text.trim() === '') && media.media.length === 0) {
    throw permanent('HERALD_FORMAT_EMPTY', `route ${route.id}: the template rendered no text`);
  }

  const language = planLanguage(item.language, route.language, notes);
  const sensitive = (route.sensitive ?? false) || spoiler.text !== '';
  const parts: PostPart[] = fitted.map((part, index) => ({
    index,
    text: part.text,
    spoilerText: part.spoilerText,
    visibility: threadVisibility(route.visibility, index),
    ...(language === undefined ? {} : { language }),
    sensitive,
    media: index === 0 ? media.media : [],
    ...(index === 0 ? {} : { replyToIndex: index - 1 }),
  }));
  return {
    status: 'post',
    plan: { account: route.account, itemKey: item.itemKey, route: route.id, parts },
    notes,
  };
}

async function itemLink(
  url: string | undefined,
  stripParams: readonly string[],
  shortener: Shortener,
  notes: string[],
): Promise<string> {
  const raw = url?.trim() ?? '';
  if (raw === '') return '';
  const cleaned = cleanUrlsInText(raw, stripParams);
  if (cleaned.removed > 0) notes.push(`link: ${cleaned.removed} tracking parameter(s) removed`);
  const short = await shortener.shorten(cleaned.text);
  if (short !== cleaned.text) notes.push(`link: shortened to ${short}`);
  return short;
}

function hashtags(
  item: SourceItem,
  route: Route,
  used: ReadonlySet<string>,
  fields: Record<string, string>,
  notes: string[],
): string[] {
  // Tags the post already shows in its text are not repeated.
  const shown = [...used].map((name) => fields[name] ?? '').join('\n');
  const tags = hashtagsFor(item.categories, {
    ...hashtagOptions(route.hashtags),
    exclude: hashtagsInText(shown),
  });
  if (tags.length > 0) {
    notes.push(
      used.has('hashtags')
        ? `hashtags: ${tags.join(' ')}`
        : `hashtags: ${tags.join(' ')} not posted, the template has no {hashtags}`,
    );
  }
  return tags;
}

/**
 * The post's language. A language set on the route wins: feeds often declare one site-wide
 * language (WordPress says `en-US` whatever a post is written in) and the operator knows
 * better. Without one, the item's own language; codes are mapped to Mastodon's (`en-US` → `en`).
 */
function planLanguage(
  itemLanguage: string | undefined,
  routeLanguage: string | undefined,
  notes: string[],
): string | undefined {
  const given = routeLanguage ?? itemLanguage;
  if (given === undefined) return undefined;
  const language = toMastodonLanguage(given);
  if (language === undefined) notes.push(`language: "${given}" is not one Mastodon knows`);
  else if (language !== given) notes.push(`language: "${given}" posted as "${language}"`);
  return language;
}
