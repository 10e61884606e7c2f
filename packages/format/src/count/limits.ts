/** What an instance allows a status; read from its instance API, defaults otherwise. */
export interface InstanceLimits {
  /** `configuration.statuses.max_characters`. */
  maxCharacters: number;
  /** `configuration.statuses.characters_reserved_per_url`. */
  urlChars: number;
  /** `configuration.statuses.max_media_attachments`. */
  maxMedia: number;
}

/** Upstream Mastodon's values: 500 characters, 23 per URL, 4 attachments. */
export const MASTODON_DEFAULT_LIMITS: InstanceLimits = Object.freeze({
  maxCharacters: 500,
  urlChars: 23,
  maxMedia: 4,
});

/**
 * Limits from a `/api/v2/instance` or `/api/v1/instance` body; each value missing or not a
 * positive integer falls back to `fallback`'s. Returns undefined when the body carries none.
 */
export function parseInstanceLimits(
  body: unknown,
  fallback: InstanceLimits = MASTODON_DEFAULT_LIMITS,
): InstanceLimits | undefined {
  const statuses = field(field(body, 'configuration'), 'statuses');
  const maxCharacters = positive(field(statuses, 'max_characters'));
  const urlChars = positive(field(statuses, 'characters_reserved_per_url'));
  const maxMedia = positive(field(statuses, 'max_media_attachments'));
  // Some servers (Pleroma/Akkoma, old Mastodon forks) put the limit at the top level.
  const legacyMax = positive(field(body, 'max_toot_chars'));
  if (maxCharacters === undefined && legacyMax === undefined) return undefined;
  return {
    maxCharacters: maxCharacters ?? legacyMax ?? fallback.maxCharacters,
    urlChars: urlChars ?? fallback.urlChars,
    maxMedia: maxMedia ?? fallback.maxMedia,
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
