/**
 * What an instance allows, from `/api/v2/instance` (or v1) `configuration`. The first three
 * fields have the formatter's names (`@herald/format`'s InstanceLimits), so these limits can
 * be handed to it as they are; `media` adds what the publisher needs for uploads.
 */
export interface InstanceLimits {
  /** `configuration.statuses.max_characters`. */
  maxCharacters: number;
  /** `configuration.statuses.characters_reserved_per_url`. */
  urlChars: number;
  /** `configuration.statuses.max_media_attachments`. */
  maxMedia: number;
  media: {
    supportedMimeTypes: string[];
    imageSizeLimit: number;
    videoSizeLimit: number;
    /** Alt text limit in codepoints. */
    descriptionLimit: number;
  };
}

/** Mastodon's own defaults (§3.4, §4): used when the server says nothing, and for dry runs. */
export const MASTODON_DEFAULT_LIMITS: InstanceLimits = Object.freeze({
  maxCharacters: 500,
  urlChars: 23,
  maxMedia: 4,
  media: Object.freeze({
    supportedMimeTypes: Object.freeze([
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/heic',
      'image/heif',
      'image/webp',
      'image/avif',
      'video/webm',
      'video/mp4',
      'video/quicktime',
      'video/ogg',
      'audio/wave',
      'audio/wav',
      'audio/x-wav',
      'audio/x-pn-wave',
      'audio/vnd.wave',
      'audio/ogg',
      'audio/vorbis',
      'audio/mpeg',
      'audio/mp3',
      'audio/webm',
      'audio/flac',
      'audio/aac',
      'audio/m4a',
      'audio/x-m4a',
      'audio/mp4',
      'audio/3gpp',
      'video/x-ms-asf',
    ]) as string[],
    imageSizeLimit: 16_777_216,
    videoSizeLimit: 103_809_024,
    descriptionLimit: 1_500,
  }),
}) as InstanceLimits;

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;

/**
 * Reads limits from an instance document (v2 or v1 shape: both put them under
 * `configuration`); each missing field falls back to Mastodon's default. v1 has no
 * `description_limit`, so the pre-4.4 value 1500 is assumed there.
 */
export function limitsFromInstance(document: unknown): InstanceLimits {
  const root = (document ?? {}) as {
    configuration?: Record<string, Record<string, unknown>>;
    max_toot_chars?: unknown;
  };
  const statuses = root.configuration?.statuses ?? {};
  const media = root.configuration?.media_attachments ?? {};
  const defaults = MASTODON_DEFAULT_LIMITS;
  const types = media.supported_mime_types;
  return {
    // Pleroma/Akkoma (and old forks) put the limit at the top level.
    maxCharacters:
      positive(statuses.max_characters) ?? positive(root.max_toot_chars) ?? defaults.maxCharacters,
    urlChars: positive(statuses.characters_reserved_per_url) ?? defaults.urlChars,
    maxMedia: positive(statuses.max_media_attachments) ?? defaults.maxMedia,
    media: {
      supportedMimeTypes:
        Array.isArray(types) && types.every((t) => typeof t === 'string') && types.length > 0
          ? (types as string[])
          : [...defaults.media.supportedMimeTypes],
      imageSizeLimit: positive(media.image_size_limit) ?? defaults.media.imageSizeLimit,
      videoSizeLimit: positive(media.video_size_limit) ?? defaults.media.videoSizeLimit,
      descriptionLimit: positive(media.description_limit) ?? defaults.media.descriptionLimit,
    },
  };
}
