// GET /api/v2/instance and the deprecated /api/v1/instance (reference/mastodon-server.md §4).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.ts';
import {
  DESCRIPTION_LIMIT,
  IMAGE_MATRIX_LIMIT,
  IMAGE_SIZE_LIMIT,
  SUPPORTED_MIME_TYPES,
  VIDEO_FRAME_RATE_LIMIT,
  VIDEO_MATRIX_LIMIT,
  VIDEO_SIZE_LIMIT,
} from '../media-files.ts';
import { origin } from '../params.ts';

const VERSION = '4.7.0';
const TITLE = 'Herald sandbox';
const DESCRIPTION = 'A Mastodon-compatible test server shipped with Herald.';
const POLLS = {
  max_options: 4,
  max_characters_per_option: 50,
  min_expiration: 300,
  max_expiration: 2_629_746,
};
// Mastodon's Deprecation header for the v1 endpoint (2022-11-14).
const V1_DEPRECATION = '@1668384000';

export function instanceRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { settings, state } = ctx;
  const statuses = {
    max_characters: settings.maxCharacters,
    max_media_attachments: settings.maxMediaAttachments,
    characters_reserved_per_url: settings.urlChars,
  };
  const media = {
    supported_mime_types: SUPPORTED_MIME_TYPES,
    image_size_limit: IMAGE_SIZE_LIMIT,
    image_matrix_limit: IMAGE_MATRIX_LIMIT,
    video_size_limit: VIDEO_SIZE_LIMIT,
    video_frame_rate_limit: VIDEO_FRAME_RATE_LIMIT,
    video_matrix_limit: VIDEO_MATRIX_LIMIT,
  };
  const domainOf = (request: FastifyRequest) => request.host;

  app.get('/api/v2/instance', async (request) => {
    const base = origin(request);
    return {
      domain: domainOf(request),
      title: TITLE,
      version: VERSION,
      source_url: 'https://github.com/mastodon/mastodon',
      description: DESCRIPTION,
      usage: { users: { active_month: state.accounts.size } },
      thumbnail: { url: `${base}/packs/media/images/preview.png` },
      icon: [],
      languages: ['en'],
      configuration: {
        urls: { streaming: base.replace(/^http/, 'ws'), status: null, about: `${base}/about` },
        vapid: { public_key: '' },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses,
        media_attachments: { ...media, description_limit: DESCRIPTION_LIMIT },
        polls: POLLS,
        translation: { enabled: false },
        limited_federation: false,
      },
      registrations: { enabled: false, approval_required: false, message: null, url: null },
      api_versions: { mastodon: 11 },
      contact: { email: '', account: null },
      rules: [],
    };
  });

  app.get('/api/v1/instance', async (request, reply) => {
    reply.header('deprecation', V1_DEPRECATION);
    const base = origin(request);
    return {
      uri: domainOf(request),
      title: TITLE,
      short_description: DESCRIPTION,
      description: DESCRIPTION,
      email: '',
      version: VERSION,
      urls: { streaming_api: base.replace(/^http/, 'ws') },
      stats: {
        user_count: state.accounts.size,
        status_count: state.statuses.size,
        domain_count: 0,
      },
      thumbnail: `${base}/packs/media/images/preview.png`,
      languages: ['en'],
      registrations: false,
      approval_required: false,
      invites_enabled: false,
      configuration: {
        accounts: { max_featured_tags: 10 },
        statuses,
        media_attachments: media,
        polls: POLLS,
      },
      contact_account: null,
      rules: [],
    };
  });
}
