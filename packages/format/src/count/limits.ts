/**
 * What an instance allows a status. The Mastodon client reads them from the instance API
 * (`@herald/mastodon`'s limits carry these fields and more); the formatter only fits to them.
 */
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
