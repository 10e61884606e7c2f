// Mastodon's status length, counted exactly as its server counts it.
export {
  countableText,
  countStatus,
  countStatusConservative,
  isBlankLikeMastodon,
  stripLikeMastodon,
} from './count-status.ts';
export { type FoundUrl, findUrls } from './find-urls.ts';
export { countGraphemes, countGraphemesLegacy } from './graphemes.ts';
export { type InstanceLimits, MASTODON_DEFAULT_LIMITS } from './limits.ts';
