// Media uploads (reference/mastodon-server.md §3): v2 defers video/audio processing (202, then
// 206 → 200 on GET), v1 answers 200 with everything processed; attached media is no longer found.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorizeUser, WRITE_MEDIA } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { apiError, RECORD_NOT_FOUND, validationFailed } from '../errors.ts';
import { codePointLength } from '../length/entities.ts';
import {
  DESCRIPTION_LIMIT,
  effectiveMimeType,
  IMAGE_MATRIX_LIMIT,
  IMAGE_SIZE_LIMIT,
  imageDimensions,
  mediaTypeOf,
  VIDEO_SIZE_LIMIT,
} from '../media-files.ts';
import { fileParam, idParam, origin, type Params, requestParams, stringParam } from '../params.ts';
import { serializeMedia } from '../serializers.ts';
import type { MediaRecord } from '../state.ts';
import { isProcessed } from '../state.ts';

type WithId = FastifyRequest<{ Params: { id: string } }>;

// `focus` is "x,y" (or an array); each part goes through Ruby's to_f, unclamped.
function parseFocus(params: Params): { x: number; y: number } {
  const raw = params.focus ?? params['focus[]'];
  const parts = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.split(',')
      : [];
  const toF = (text: string | undefined) => Number.parseFloat(text ?? '') || 0;
  return { x: toF(parts[0]), y: toF(parts[1]) };
}

function checkDescription(description: string): void {
  if (codePointLength(description) > DESCRIPTION_LIMIT) {
    throw validationFailed([
      `Description is too long (maximum is ${DESCRIPTION_LIMIT} characters)`,
    ]);
  }
}

export function mediaRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state, settings } = ctx;

  async function upload(request: FastifyRequest, deferred: boolean): Promise<MediaRecord> {
    const caller = authorizeUser(state, request, WRITE_MEDIA);
    const params = requestParams(request);
    const file = fileParam(params, 'file');
    if (!file) throw validationFailed(["File can't be blank"]);
    const bytes = await file.toBuffer();
    const mimeType = effectiveMimeType(bytes, file.mimetype);
    const type = mediaTypeOf(mimeType);
    if (!type) throw validationFailed(['File content type is invalid', 'File is invalid']);
    const [limit, label] =
      type === 'image' ? [IMAGE_SIZE_LIMIT, '16 MB'] : [VIDEO_SIZE_LIMIT, '99 MB'];
    if (bytes.length > limit) {
      throw validationFailed([
        `File file size must be less than ${label}`,
        `File must be less than ${label}`,
      ]);
    }
    const size = type === 'image' ? imageDimensions(bytes) : undefined;
    if (size && size.width * size.height > IMAGE_MATRIX_LIMIT) {
      throw apiError(422, `${size.width}x${size.height} images are not supported`);
    }
    const description = stringParam(params, 'description') ?? '';
    checkDescription(description);
    const now = state.now();
    const media: MediaRecord = {
      id: state.nextId(),
      accountId: caller.account.id,
      type,
      mimeType,
      filename: file.filename || 'file',
      bytes,
      description,
      focus: parseFocus(params),
      width: size?.width ?? null,
      height: size?.height ?? null,
      createdAt: now,
      readyAt: deferred && type !== 'image' ? now + settings.mediaDelayMs : now,
      statusId: null,
    };
    state.media.set(media.id, media);
    return media;
  }

  // The endpoint only finds this account's media that is not attached to a status yet.
  function ownUnattached(request: WithId): MediaRecord {
    const caller = authorizeUser(state, request, WRITE_MEDIA);
    const media = state.media.get(idParam(request.params.id));
    if (!media || media.accountId !== caller.account.id || media.statusId !== null) {
      throw apiError(404, RECORD_NOT_FOUND);
    }
    return media;
  }

  const send = (request: FastifyRequest, reply: FastifyReply, media: MediaRecord, busy: number) =>
    reply
      .code(isProcessed(state, media) ? 200 : busy)
      .send(serializeMedia(state, origin(request), media));

  app.post('/api/v2/media', async (request, reply) => {
    const media = await upload(request, true);
    // Video and audio are queued for processing: 202 with url null even when it is quick.
    return reply
      .code(media.type === 'image' ? 200 : 202)
      .send(serializeMedia(state, origin(request), media));
  });

  app.post('/api/v1/media', async (request, reply) => {
    const media = await upload(request, false);
    return send(request, reply, media, 200);
  });

  app.get('/api/v1/media/:id', async (request: WithId, reply) => {
    return send(request, reply, ownUnattached(request), 206);
  });

  app.put('/api/v1/media/:id', async (request: WithId, reply) => {
    const media = ownUnattached(request);
    const params = requestParams(request);
    const description = stringParam(params, 'description');
    if (description !== undefined) {
      checkDescription(description);
      media.description = description;
    }
    if (params.focus !== undefined || params['focus[]'] !== undefined)
      media.focus = parseFocus(params);
    return send(request, reply, media, 206);
  });

  app.delete('/api/v1/media/:id', async (request: WithId) => {
    const caller = authorizeUser(state, request, WRITE_MEDIA);
    const media = state.media.get(idParam(request.params.id));
    if (!media || media.accountId !== caller.account.id) throw apiError(404, RECORD_NOT_FOUND);
    if (media.statusId !== null && state.statuses.has(media.statusId)) {
      throw apiError(422, 'Media attachment is currently used by a status');
    }
    state.media.delete(media.id);
    return {};
  });

  // The uploaded bytes, so that `url` in the entity resolves (the offline demo shows them).
  app.get(
    '/system/media_attachments/files/:id/original/:name',
    async (request: FastifyRequest<{ Params: { id: string; name: string } }>, reply) => {
      const media = state.media.get(idParam(request.params.id));
      if (!media || !isProcessed(state, media)) throw apiError(404, RECORD_NOT_FOUND);
      return reply.type(media.mimeType).send(media.bytes);
    },
  );
}
