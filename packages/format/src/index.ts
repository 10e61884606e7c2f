// The formatter: counting and fitting by Mastodon's length rules (count/, fit/), and the text
// side — markup to text, templates, links, hashtags, mentions, filters, language, content
// warnings — composed into a post plan (plan/).

export {
  countableText,
  countStatus,
  countStatusConservative,
  type FoundUrl,
  findUrls,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
} from './count/index.ts';
export {
  applyFilters,
  type FilterResult,
  type FilterSubject,
  filterProblems,
} from './filters/filters.ts';
export {
  type FitInput,
  type FittedPart,
  fitToLimit,
  type Segment,
} from './fit/index.ts';
export { type HashtagOptions, hashtagOptions, hashtagsFor } from './hashtags/hashtags-for.ts';
export { hashtagKey, hashtagsInText, toHashtag } from './hashtags/to-hashtag.ts';
export { SUPPORTED_LANGUAGES } from './language/supported-languages.ts';
export { toMastodonLanguage } from './language/to-mastodon-language.ts';
export {
  type BuiltinShortenerOptions,
  createBuiltinShortener,
  resolveShortLink,
  type ShortLinkDeps,
  type ShortLinkStore,
  shortLinkDigest,
} from './links/builtin-shortener.ts';
export { type CleanedText, cleanUrl, cleanUrlsInText } from './links/clean-url.ts';
export {
  createHttpShortener,
  type HttpShortenerDeps,
  type HttpShortenerOptions,
} from './links/http-shortener.ts';
export { noShortener, type Shortener } from './links/shortener.ts';
export { TRACKING_PARAMS } from './links/tracking-params.ts';
export {
  MENTION_BREAK,
  type MentionMode,
  neutralizeMentions,
} from './mentions/neutralize-mentions.ts';
export { type PlanDeps, type PlanOptions, type PlanResult, planPost } from './plan/plan-post.ts';
export { type SpoilerChoice, spoilerFor } from './plan/spoiler.ts';
export { lessPublic, threadVisibility } from './plan/visibility.ts';
export {
  DEFAULT_FEED_TEMPLATE,
  DEFAULT_GITHUB_TEMPLATE,
  DEFAULT_RELEASE_TEMPLATE,
  defaultTemplateFor,
} from './template/default-templates.ts';
export {
  type RenderedTemplate,
  renderTemplate,
  type TemplateFields,
  templateFields,
} from './template/render-template.ts';
export { extractImages, type HtmlImage } from './text/extract-images.ts';
export { type HtmlToTextOptions, htmlToText } from './text/html-to-text.ts';
export { inlineText } from './text/inline-text.ts';
