import { errorCodeOf, type MediaCandidate, permanent, transient } from '@herald/core';
import type { InstanceLimits } from '@herald/mastodon';
import { request } from 'undici';
import {
  createGuardedDispatcher,
  type GuardedDispatcherOptions,
  MEDIA_BLOCKED,
} from './guarded-dispatcher.ts';

/** A media file read through the guard, ready to upload. */
export interface FetchedMedia {
  data: Buffer;
  contentType: string;
  filename: string;
}

export interface MediaFetcher {
  fetch(
    candidate: MediaCandidate,
    limits: InstanceLimits['media'],
    options?: { signal?: AbortSignal },
  ): Promise<FetchedMedia>;
  close(): Promise<void>;
}

export type MediaFetcherOptions = GuardedDispatcherOptions;

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function mimeOf(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '').split(';')[0]!.trim().toLowerCase();
}

function filenameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '').replace(/[^\w.-]+/g, '_');
  return last.replace(/^[._]+/, '').slice(-100) || 'media';
}

/** Stops reading a body we will not use; its abort error is expected, not unhandled. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * Fetches media for upload (S1–S8): http(s) only, through the address guard, at most 3
 * redirects, a byte cap from the instance's image/video limits (Content-Length first, then
 * while streaming), and a Content-Type the instance supports. Everything wrong with the
 * media itself is permanent; network trouble and 5xx/429 are transient.
 */
export function createMediaFetcher(options: MediaFetcherOptions = {}): MediaFetcher {
  const guarded = createGuardedDispatcher(options);

  async function fetchMedia(
    candidate: MediaCandidate,
    limits: InstanceLimits['media'],
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<FetchedMedia> {
    let url: URL;
    try {
      url = new URL(candidate.url);
    } catch {
      throw permanent(
        'HERALD_MEDIA_BAD_URL',
        `media URL is not a URL: ${candidate.url.slice(0, 200)}`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw permanent('HERALD_MEDIA_BAD_URL', `media URL must be http(s), not ${url.protocol}`);
    }
    if (url.username || url.password) {
      throw permanent('HERALD_MEDIA_BAD_URL', 'media URL must not carry credentials');
    }
    const where = `${url.origin}${url.pathname}`;

    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        dispatcher: guarded.dispatcher,
        method: 'GET',
        headers: {
          accept: limits.supportedMimeTypes.join(', '),
          'user-agent': 'Herald media fetcher',
        },
        signal,
      });
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === MEDIA_BLOCKED) throw error;
      if (code === 'UND_ERR_REDIRECT_MAX') {
        throw permanent('HERALD_MEDIA_REDIRECTS', `media ${where} redirects too often`);
      }
      if (code === 'UND_ERR_INVALID_ARG') {
        throw permanent('HERALD_MEDIA_BAD_URL', `media ${where}: ${(error as Error).message}`);
      }
      throw transient(
        'HERALD_MEDIA_NETWORK',
        `media ${where} could not be fetched (${code ?? 'error'})`,
        {
          cause: error,
        },
      );
    }

    const { statusCode, headers, body } = response;
    if (statusCode < 200 || statusCode >= 300) {
      discard(body);
      const message = `media ${where} answered ${statusCode}`;
      throw statusCode === 429 || statusCode === 408 || statusCode >= 500
        ? transient(`HERALD_MEDIA_HTTP_${statusCode}`, message, { status: statusCode })
        : permanent(`HERALD_MEDIA_HTTP_${statusCode}`, message, { status: statusCode });
    }

    const supported = new Set(limits.supportedMimeTypes.map((t) => t.toLowerCase()));
    const served = mimeOf(headers['content-type']);
    const hinted = (candidate.type ?? '').toLowerCase();
    // A server that says only "octet-stream" gets the type the source declared.
    const contentType = GENERIC_TYPES.has(served) && supported.has(hinted) ? hinted : served;
    if (!supported.has(contentType)) {
      discard(body);
      throw permanent(
        'HERALD_MEDIA_TYPE',
        `media ${where} is ${contentType || 'untyped'}, not a supported type`,
      );
    }

    const cap = contentType.startsWith('image/') ? limits.imageSizeLimit : limits.videoSizeLimit;
    const tooLarge = () =>
      permanent(
        'HERALD_MEDIA_TOO_LARGE',
        `media ${where} is over the instance's ${cap}-byte limit`,
      );
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      discard(body);
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body) {
        size += (chunk as Buffer).length;
        if (size > cap) {
          discard(body);
          throw tooLarge();
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (errorCodeOf(error) === 'HERALD_MEDIA_TOO_LARGE') throw error;
      throw transient('HERALD_MEDIA_NETWORK', `media ${where} broke off while reading`, {
        cause: error,
      });
    }
    return { data: Buffer.concat(chunks), contentType, filename: filenameOf(url) };
  }

  return { fetch: fetchMedia, close: guarded.close };
}
