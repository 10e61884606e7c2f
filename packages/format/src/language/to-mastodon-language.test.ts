import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from './supported-languages.ts';
import { toMastodonLanguage } from './to-mastodon-language.ts';

describe('toMastodonLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['EN', 'en'],
    [' de-DE ', 'de'],
    ['pt-BR', 'pt'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['sr-Latn-RS', 'sr'],
    ['zh-TW', 'zh-TW'],
    ['zh_tw', 'zh-TW'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh', 'zh'],
    ['yue', 'zh-YUE'],
    ['iw', 'he'],
    ['in-ID', 'id'],
    ['tok', 'tok'],
    ['ckb-IQ', 'ckb'],
    ['kab', 'kab'],
    ['ms-Arab', 'ms-Arab'],
    ['ms-MY', 'ms'],
    ['nds-DE', 'nds'],
  ])('%j → %j', (tag, code) => {
    expect(toMastodonLanguage(tag)).toBe(code);
  });

  it.each([undefined, '', 'xx', 'klingon', 'eng', 'x-pig-latin', '*', '12'])(
    'gives undefined for %j',
    (tag) => {
      expect(toMastodonLanguage(tag)).toBeUndefined();
    },
  );

  it('knows the codes of Mastodon’s SUPPORTED_LOCALES', () => {
    expect(SUPPORTED_LANGUAGES.size).toBe(182 + 21 + 5);
    for (const code of ['en', 'ja', 'ast', 'szl', 'zgh', 'zh-HK'])
      expect(SUPPORTED_LANGUAGES.has(code)).toBe(true);
  });
});
