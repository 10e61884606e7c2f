/**
 * Query parameters that only identify a campaign, a click or a subscriber. They are removed
 * from every link Herald posts. Names are matched case-insensitively; a trailing `*` matches a
 * prefix (`utm_*`). Generic names that sites also use for content (`ref`, `source`, `id`) are
 * deliberately absent: removing them could break a link.
 */
export const TRACKING_PARAMS: readonly string[] = [
  // Google Analytics / Ads
  'utm_*',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  '_ga',
  '_gl',
  'srsltid',
  // Microsoft, Meta, Instagram, X, TikTok, LinkedIn, Yandex
  'msclkid',
  'fbclid',
  'igshid',
  'igsh',
  'twclid',
  'ref_src',
  'ref_url',
  'ttclid',
  'li_fat_id',
  'yclid',
  // Newsletter and marketing automation tools
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_*',
  'oly_anon_id',
  'oly_enc_id',
  's_cid',
  'ck_subscriber_id',
  'wickedid',
  'rb_clickid',
  '__s',
];

/** A predicate over parameter names for the builtin list plus `extra` names or `prefix*`es. */
export function trackingParamMatcher(extra: readonly string[] = []): (name: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const raw of [...TRACKING_PARAMS, ...extra]) {
    const name = raw.trim().toLowerCase();
    if (name === '' || name === '*') continue;
    if (name.endsWith('*')) prefixes.push(name.slice(0, -1));
    else exact.add(name);
  }
  return (name) => {
    const lower = name.toLowerCase();
    return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix));
  };
}
