export { countableText, countStatusLength, graphemeLength, isBlank, rubyStrip } from './count.ts';
export { removeOverlapping, type TextEntity } from './entities.ts';
export { extractMentions, MAX_MENTION_DOMAIN_LENGTH } from './mentions.ts';
export { COUNTRY_TLDS, GENERIC_TLDS } from './tlds.ts';
export { extractUrls, MAX_URL_LENGTH, URL_SCHEMES } from './urls.ts';
