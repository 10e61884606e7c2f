import { permanent } from '@herald/core';
import type {
  Account,
  MediaAttachment,
  NewStatus,
  Status,
  StatusEdit,
  StatusSource,
} from './entities.ts';
import { createHttp, type HttpResponse, type Pacer } from './http.ts';
import {
  type InstanceLimits,
  limitsFromInstance,
  MASTODON_DEFAULT_LIMITS,
} from './instance-limits.ts';
import { type MediaUpload, type UploadOptions, uploadMedia } from './media-upload.ts';
import { nextLink, type RateLimit } from './rate-limit.ts';

export interface MastodonClientOptions {
  /** Instance base URL, e.g. `https://mastodon.social`. */
  instance: string;
  /** Access token; omitted for public calls such as `instanceLimits`. Never logged. */
  token?: string;
  /** Header and body timeout of each request. @defaultValue 30000 */
  fetchTimeoutMs?: number;
  /** Sees every request (waits before, learns `X-RateLimit-*` after). */
  pacer?: Pacer;
  /** Polling of media still processing. */
  upload?: UploadOptions;
}

/** What every call returns: the parsed body and the rate-limit headers it came with. */
export interface Answer<T> {
  data: T;
  rateLimit: RateLimit | undefined;
}

export interface Page<T> extends Answer<T[]> {
  /** Opaque URL of the next (older) page, from the `Link` header. */
  next: string | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface MastodonClient {
  readonly instance: string;
  verifyCredentials(options?: RequestOptions): Promise<Answer<Account>>;
  instanceLimits(options?: RequestOptions): Promise<Answer<InstanceLimits>>;
  postStatus(
    params: NewStatus,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<Answer<Status>>;
  editStatus(id: string, params: StatusEdit, options?: RequestOptions): Promise<Answer<Status>>;
  getStatus(id: string, options?: RequestOptions): Promise<Answer<Status>>;
  statusSource(id: string, options?: RequestOptions): Promise<Answer<StatusSource>>;
  /** Newest first; pass the previous page's `next` to go further back. */
  accountStatuses(
    accountId: string,
    options?: RequestOptions & { limit?: number; maxId?: string; next?: string },
  ): Promise<Page<Status>>;
  uploadMedia(media: MediaUpload, options?: RequestOptions): Promise<Answer<MediaAttachment>>;
  close(): Promise<void>;
}

const answer = <T>(response: HttpResponse<T>): Answer<T> => ({
  data: response.data,
  rateLimit: response.rateLimit,
});

/** A Mastodon client API client for one account on one instance. */
export function createMastodonClient(options: MastodonClientOptions): MastodonClient {
  const http = createHttp(options);
  const id = (value: string) => encodeURIComponent(value);

  return {
    instance: http.origin,

    async verifyCredentials({ signal } = {}) {
      return answer(
        await http.call<Account>('GET', '/api/v1/accounts/verify_credentials', { signal }),
      );
    },

    async instanceLimits({ signal } = {}) {
      try {
        const v2 = await http.call<unknown>('GET', '/api/v2/instance', { signal });
        return { data: limitsFromInstance(v2.data), rateLimit: v2.rateLimit };
      } catch (error) {
        // Servers before 4.0 (and some Mastodon-compatible ones) only have v1.
        if ((error as { status?: number }).status !== 404) throw error;
      }
      try {
        const v1 = await http.call<unknown>('GET', '/api/v1/instance', { signal });
        return { data: limitsFromInstance(v1.data), rateLimit: v1.rateLimit };
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
        return { data: MASTODON_DEFAULT_LIMITS, rateLimit: undefined };
      }
    },

    async postStatus(params, { idempotencyKey, signal }) {
      if (idempotencyKey.trim() === '') {
        throw permanent('HERALD_MASTODON_NO_KEY', 'a status post needs an Idempotency-Key');
      }
      return answer(
        await http.call<Status>('POST', '/api/v1/statuses', {
          json: params,
          headers: { 'idempotency-key': idempotencyKey },
          keyed: true,
          signal,
        }),
      );
    },

    async editStatus(statusId, params, { signal } = {}) {
      // Full replacement: build the body from every field so nothing is dropped by omission.
      const body: StatusEdit = {
        status: params.status,
        spoiler_text: params.spoiler_text,
        sensitive: params.sensitive,
        language: params.language,
        media_ids: params.media_ids,
      };
      return answer(
        await http.call<Status>('PUT', `/api/v1/statuses/${id(statusId)}`, { json: body, signal }),
      );
    },

    async getStatus(statusId, { signal } = {}) {
      return answer(await http.call<Status>('GET', `/api/v1/statuses/${id(statusId)}`, { signal }));
    },

    async statusSource(statusId, { signal } = {}) {
      return answer(
        await http.call<StatusSource>('GET', `/api/v1/statuses/${id(statusId)}/source`, { signal }),
      );
    },

    async accountStatuses(accountId, { limit, maxId, next, signal } = {}) {
      const response = next
        ? await http.call<Status[]>('GET', next, { signal })
        : await http.call<Status[]>('GET', `/api/v1/accounts/${id(accountId)}/statuses`, {
            query: { limit, max_id: maxId },
            signal,
          });
      const data = Array.isArray(response.data) ? response.data : [];
      return { data, rateLimit: response.rateLimit, next: nextLink(response.headers) };
    },

    uploadMedia(media, { signal } = {}) {
      return uploadMedia(http, media, { ...options.upload, signal });
    },

    close: () => http.close(),
  };
}
