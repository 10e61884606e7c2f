import { REGIONAL, SUPPORTED_LANGUAGES } from './supported-languages.ts';

// Retired ISO 639 codes that Java locales and old feeds still emit.
const RETIRED: Readonly<Record<string, string>> = {
  iw: 'he',
  in: 'id',
  ji: 'yi',
  jw: 'jv',
  mo: 'ro',
};
// Script subtags that pick a Chinese variant when no region does.
const CHINESE_SCRIPT: Readonly<Record<string, string>> = { hans: 'zh-CN', hant: 'zh-TW' };
const REGIONAL_BY_LOWER = new Map(REGIONAL.map((code) => [code.toLowerCase(), code]));

/**
 * A language tag from a feed (`en-US`, `en_GB`, `EN`, `zh-Hant-TW`, `pt-BR`) as the code
 * Mastodon accepts: a supported variant in the server's spelling (`zh_tw` → `zh-TW`,
 * `zh-Hant` → `zh-TW`, `ms-Arab`), otherwise the base language (`en`, `pt`), or undefined when
 * Mastodon does not know the language.
 */
export function toMastodonLanguage(tag: string | undefined): string | undefined {
  const parts = (tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)
    .filter((p) => p !== '');
  const [first, ...rest] = parts;
  if (!first || !/^[a-z]{2,3}$/.test(first)) return undefined;
  const base = RETIRED[first] ?? first;
  if (base === 'yue') return 'zh-YUE';
  for (const sub of rest) {
    const regional = REGIONAL_BY_LOWER.get(`${base}-${sub}`);
    if (regional) return regional;
  }
  if (base === 'zh') {
    for (const sub of rest) {
      const variant = CHINESE_SCRIPT[sub];
      if (variant) return variant;
    }
  }
  return SUPPORTED_LANGUAGES.has(base) ? base : undefined;
}
