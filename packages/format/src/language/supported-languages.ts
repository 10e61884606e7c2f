/**
 * The `language` codes Mastodon accepts: `LanguagesHelper::SUPPORTED_LOCALES` in
 * app/helpers/languages_helper.rb on main — ISO 639-1, some ISO 639-3 codes and a few
 * regional/script variants. Older servers know fewer of the 639-3 codes; a server silently
 * drops a code it does not know, so offering a newer one costs nothing.
 */
export const ISO_639_1: readonly string[] = (
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv ' +
  'cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gu gv ha he hi ho hr ht ' +
  'hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky ' +
  'la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny ' +
  'oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sn so sq sr ss st ' +
  'su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za ' +
  'zh zu'
).split(' ');

export const ISO_639_3: readonly string[] =
  'ast chr ckb cnr csb jbo kab ldn lfn moh nds pdc sco sma smj szl tok vai xal zba zgh'.split(' ');

/** Variants the server accepts as written (the check is case-sensitive: `zh-tw` is not one). */
export const REGIONAL: readonly string[] = ['ms-Arab', 'zh-CN', 'zh-HK', 'zh-TW', 'zh-YUE'];

export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set([
  ...ISO_639_1,
  ...ISO_639_3,
  ...REGIONAL,
]);
