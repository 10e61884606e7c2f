import { Readable } from 'node:stream';
import { HeraldError } from '@herald/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonClient, MASTODON_DEFAULT_LIMITS } from '../src/index.ts';
import { type Handler, json, startServer } from './_util.ts';

const TOKEN = 'secret-token-abc';
const RESET = '2030-01-01T00:00:00.000000Z';
const limits = {
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': '299',
  'x-ratelimit-reset': RESET,
};
const status = (id: string, extra: object = {}) => ({
  id,
  created_at: '2030-01-01T00:00:00.000Z',
  content: '<p>hi</p>',
  spoiler_text: '',
  visibility: 'public',
  sensitive: false,
  media_attachments: [],
  ...extra,
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(handler: Handler, fetchTimeoutMs?: number) {
  const server = await startServer(handler);
  const client = createMastodonClient({
    instance: server.url,
    token: TOKEN,
    fetchTimeoutMs,
    upload: { pollIntervalMs: 10, maxPollIntervalMs: 20, processingTimeoutMs: 2_000 },
  });
  cleanups.push(server.close, client.close);
  return { server, client };
}

async function failure(promise: Promise<unknown>): Promise<HeraldError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as Error).message).not.toContain(TOKEN);
    return error as HeraldError;
  }
  throw new Error('expected a failure');
}

describe('statuses', () => {
  it('posts JSON with the Idempotency-Key and the token, and returns the rate limit', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, status('7'), limits));
    const result = await client.postStatus(
      { status: 'Hello', visibility: 'unlisted', media_ids: ['1'] },
      { idempotencyKey: 'abc123' },
    );
    expect(result.data.id).toBe('7');
    expect(result.rateLimit).toEqual({ limit: 300, remaining: 299, resetAt: Date.parse(RESET) });
    const [req] = server.requests;
    expect(req?.headers['idempotency-key']).toBe('abc123');
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body.toString())).toEqual({
      status: 'Hello',
      visibility: 'unlisted',
      media_ids: ['1'],
    });
  });

  it('edits with every field, so nothing is dropped by omission', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, status('7')));
    await client.editStatus('7', {
      status: 'new',
      spoiler_text: '',
      sensitive: false,
      language: null,
      media_ids: [],
    });
    expect(server.requests[0]?.method).toBe('PUT');
    expect(server.requests[0]?.url).toBe('/api/v1/statuses/7');
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
      status: 'new',
      spoiler_text: '',
      sensitive: false,
      language: null,
      media_ids: [],
    });
  });

  it('classifies errors where they are born, without the token', async () => {
    const { client } = await setup((req, res) => {
      if (req.url === '/api/v1/statuses/1')
        return json(res, 401, { error: 'The access token is invalid' });
      if (req.url === '/api/v1/statuses/2')
        return json(
          res,
          429,
          { error: 'Too many requests' },
          {
            ...limits,
            'x-ratelimit-remaining': '0',
          },
        );
      return json(res, 422, { error: 'Validation failed: Text character limit of 500 exceeded' });
    });
    expect(await failure(client.getStatus('1'))).toMatchObject({
      kind: 'permanent',
      code: 'HERALD_MASTODON_401',
      message: expect.stringContaining('The access token is invalid'),
    });
    expect(await failure(client.getStatus('2'))).toMatchObject({
      kind: 'rate-limited',
      resetAt: Date.parse(RESET),
    });
    expect(
      await failure(client.postStatus({ status: 'x'.repeat(501) }, { idempotencyKey: 'k' })),
    ).toMatchObject({ kind: 'permanent', code: 'HERALD_MASTODON_TOO_LONG' });
  });

  it('calls a keyed post that lost its answer ambiguous, a plain GET only transient', async () => {
    const { client } = await setup((_req, res) => {
      res.socket?.destroy();
    });
    expect(
      await failure(client.postStatus({ status: 'x' }, { idempotencyKey: 'k' })),
    ).toMatchObject({ kind: 'transient', code: 'HERALD_MASTODON_AMBIGUOUS' });
    expect(await failure(client.getStatus('1'))).toMatchObject({
      kind: 'transient',
      code: 'HERALD_MASTODON_NETWORK',
    });
  });

  it('times out slow answers as transient', async () => {
    const { client } = await setup(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      json(res, 200, status('1'));
    }, 200);
    expect(await failure(client.getStatus('1'))).toMatchObject({
      kind: 'transient',
      code: 'HERALD_MASTODON_TIMEOUT',
    });
  });

  it('follows Link headers for older pages, but never off the instance', async () => {
    const { server, client } = await setup((req, res) => {
      const page = req.url?.includes('max_id=5') ? [status('4')] : [status('6'), status('5')];
      const link = req.url?.includes('max_id=5')
        ? '<https://evil.example/api/v1/accounts/1/statuses?max_id=1>; rel="next"'
        : `<${server.url}/api/v1/accounts/1/statuses?max_id=5&limit=2>; rel="next"`;
      json(res, 200, page, { link });
    });
    const first = await client.accountStatuses('1', { limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual(['6', '5']);
    expect(server.requests[0]?.url).toBe('/api/v1/accounts/1/statuses?limit=2');
    const second = await client.accountStatuses('1', { next: first.next });
    expect(second.data.map((s) => s.id)).toEqual(['4']);
    expect(await failure(client.accountStatuses('1', { next: second.next }))).toMatchObject({
      code: 'HERALD_MASTODON_FOREIGN_URL',
    });
  });
});

describe('instance limits', () => {
  it('falls back from v2 to v1, then to Mastodon’s defaults', async () => {
    const v1 = { configuration: { statuses: { max_characters: 1000 } } };
    const { client } = await setup((req, res) =>
      req.url === '/api/v1/instance' ? json(res, 200, v1) : json(res, 404, { error: 'Not found' }),
    );
    expect((await client.instanceLimits()).data.maxCharacters).toBe(1000);
    const { client: bare } = await setup((_req, res) => json(res, 404, { error: 'Not found' }));
    expect((await bare.instanceLimits()).data).toEqual(MASTODON_DEFAULT_LIMITS);
  });
});

describe('media', () => {
  it('uploads multipart and polls a 202 through 206 until ready', async () => {
    let polls = 0;
    const { server, client } = await setup((req, res) => {
      if (req.method === 'POST') return json(res, 202, { id: '9', type: 'video', url: null });
      polls += 1;
      if (polls < 3) return json(res, 206, { id: '9', type: 'video', url: null });
      json(res, 200, { id: '9', type: 'video', url: 'https://files.example/9.mp4' });
    });
    const bytes = Buffer.from('not really a video');
    const result = await client.uploadMedia({
      data: Readable.from([bytes]),
      filename: 'clip "1".mp4',
      contentType: 'video/mp4',
      description: 'A short clip',
    });
    expect(result.data.url).toBe('https://files.example/9.mp4');
    expect(polls).toBe(3);
    const upload = server.requests[0]!;
    expect(upload.url).toBe('/api/v2/media');
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(upload.body, {
      headers: { 'content-type': upload.headers['content-type']! },
    }).formData();
    expect(form.get('description')).toBe('A short clip');
    const file = form.get('file') as File;
    expect(file.name).toBe('clip "1".mp4');
    expect(file.type).toBe('video/mp4');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    expect(server.requests.slice(1).every((r) => r.url === '/api/v1/media/9')).toBe(true);
  });

  it('fails permanently when processing fails (422)', async () => {
    const { client } = await setup((req, res) =>
      req.method === 'POST'
        ? json(res, 202, { id: '9', type: 'video', url: null })
        : json(res, 422, { error: 'Error processing thumbnail for uploaded media' }),
    );
    const error = await failure(
      client.uploadMedia({ data: Buffer.from('x'), filename: 'a.mp4', contentType: 'video/mp4' }),
    );
    expect(error).toMatchObject({ kind: 'permanent', code: 'HERALD_MASTODON_422' });
    expect(error.message).toContain('Error processing thumbnail');
  });
});
