// The `language` codes Mastodon accepts (LanguagesHelper::SUPPORTED_LOCALES: ISO 639-1, a few
// ISO 639-3 codes and regional variants). Anything else is silently ignored.
const ISO_639_1 =
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
  'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu ' +
  'hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb ' +
  'lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
  'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
  'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';
const ISO_639_3 =
  'ast chr ckb cnr csb gsw jbo kab ldn lfn moh nds pdc sco sma smj szl tok vai xal zba zgh';
const REGIONAL = 'es-AR es-MX pt-BR pt-PT sr-Latn zh-CN zh-HK zh-TW';

const SUPPORTED = new Set(`${ISO_639_1} ${ISO_639_3} ${REGIONAL}`.split(' '));

/** The server's default locale, used when neither the post nor the user names a language. */
export const DEFAULT_LANGUAGE = 'en';

/** Whether Mastodon stores this code as given (the check is case-sensitive, `en-US` is not). */
export function isSupportedLanguage(code: string | undefined): code is string {
  return code !== undefined && SUPPORTED.has(code);
}
