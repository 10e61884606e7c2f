import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { transient } from '@herald/core';
import type { Answer } from './client.ts';
import type { MediaAttachment } from './entities.ts';
import type { Http } from './http.ts';

export interface MediaUpload {
  /** The file: bytes, or a stream sent as it is read. */
  data: Buffer | Readable;
  filename: string;
  contentType: string;
  /** Alt text. */
  description?: string;
}

export interface UploadOptions {
  /** First wait before polling a 202 upload; doubles up to `maxPollIntervalMs`. @defaultValue 500 */
  pollIntervalMs?: number;
  /** @defaultValue 5000 */
  maxPollIntervalMs?: number;
  /** Give up (transient) when processing takes longer. @defaultValue 300000 */
  processingTimeoutMs?: number;
  /** Headers timeout of the upload itself, which includes sending the file. @defaultValue 120000 */
  uploadTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * `POST /api/v2/media`, then — when the server answers 202 or `url` is still null — polls
 * `GET /api/v1/media/:id` (206 = still processing) with doubling, bounded waits until 200.
 * A 422 while polling means processing failed: permanent.
 */
export async function uploadMedia(
  http: Http,
  media: MediaUpload,
  options: UploadOptions = {},
): Promise<Answer<MediaAttachment>> {
  const { signal } = options;
  const fields = [
    { name: 'file', data: media.data, filename: media.filename, contentType: media.contentType },
    ...(media.description ? [{ name: 'description', value: media.description }] : []),
  ];
  const created = await http.call<MediaAttachment>('POST', '/api/v2/media', {
    multipart: fields,
    bucket: 'media',
    signal,
    headersTimeoutMs: options.uploadTimeoutMs ?? 120_000,
  });
  const attachment = created.data;
  let rateLimit = created.rateLimit;
  if (typeof attachment?.id !== 'string') {
    throw transient('HERALD_MASTODON_BAD_RESPONSE', 'media upload answered without an id');
  }
  if (created.status === 200 && attachment.url) return { data: attachment, rateLimit };

  const deadline = Date.now() + (options.processingTimeoutMs ?? 300_000);
  let wait = options.pollIntervalMs ?? 500;
  const maxWait = options.maxPollIntervalMs ?? 5_000;
  for (;;) {
    if (Date.now() + wait > deadline) {
      throw transient(
        'HERALD_MASTODON_MEDIA_TIMEOUT',
        `media ${attachment.id} still processing after ${options.processingTimeoutMs ?? 300_000} ms`,
      );
    }
    await sleep(wait, undefined, { signal });
    wait = Math.min(wait * 2, maxWait);
    const polled = await http.call<MediaAttachment>(
      'GET',
      `/api/v1/media/${encodeURIComponent(attachment.id)}`,
      { signal },
    );
    rateLimit = polled.rateLimit ?? rateLimit;
    // 206 (or a url still null) means processing goes on; a 422 was thrown as permanent.
    if (polled.status === 200 && polled.data?.url) return { data: polled.data, rateLimit };
  }
}
