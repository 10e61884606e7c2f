import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.ts';
import { manualClock, mp4, png } from './_util.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  sandbox = await startSandbox({ tokens: ['t1', 't2'], rateLimit: 'off', ...options });
  const s = sandbox;
  const call = async (method: string, path: string, body?: FormData | object, token = 't1') => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${s.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const upload = (
    bytes: Buffer,
    type: string,
    fields: Record<string, string> = {},
    version = 'v2',
    token = 't1',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload.bin');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return call('POST', `/api/${version}/media`, form, token);
  };
  return { s, call, upload };
}

describe('media uploads', () => {
  it('processes an image at once: 200 with a url, description, focus and size', async () => {
    const { s, call, upload } = await start();
    const response = await upload(png(64, 32), 'image/png', {
      description: 'A grey box',
      focus: '0.5,-0.25',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      type: 'image',
      description: 'A grey box',
      meta: { original: { width: 64, height: 32, aspect: 2 }, focus: { x: 0.5, y: -0.25 } },
    });
    expect(response.body.url).toMatch(new RegExp(`^${s.url}/system/media_attachments/files/`));
    const file = await fetch(response.body.url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(png(64, 32))).toBe(true);
    expect((await call('GET', `/api/v1/media/${response.body.id}`)).status).toBe(200);
  });

  it('defers video: 202 with url null, then 206 until processed, then 200', async () => {
    const clock = manualClock();
    const { call, upload } = await start({ mediaDelayMs: 2000, now: clock.now });
    const created = await upload(mp4(), 'video/mp4');
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ type: 'video', url: null });
    const id = created.body.id as string;
    const poll = () => call('GET', `/api/v1/media/${id}`);
    expect(await poll()).toMatchObject({ status: 206, body: { url: null } });
    const early = await call('POST', '/api/v1/statuses', { status: 'clip', media_ids: [id] });
    expect(early.status).toBe(422);
    expect(early.body).toEqual({
      error: 'Cannot attach files that have not finished processing. Try again in a moment!',
    });
    clock.advance(2000);
    const done = await poll();
    expect(done.status).toBe(200);
    expect(done.body.url).toEqual(expect.any(String));
    const posted = await call('POST', '/api/v1/statuses', { status: 'clip', media_ids: [id] });
    expect(posted.status).toBe(200);
    expect(posted.body.media_attachments).toEqual([expect.objectContaining({ id, type: 'video' })]);
    // Attached media is no longer found by the media endpoint.
    expect(await poll()).toMatchObject({ status: 404, body: { error: 'Record not found' } });
  });

  it('answers v2 video 202 even without a delay, and v1 always 200', async () => {
    const { call, upload } = await start();
    const v2 = await upload(mp4(), 'video/mp4');
    expect(v2.status).toBe(202);
    expect((await call('GET', `/api/v1/media/${v2.body.id}`)).status).toBe(200);
    const v1 = await upload(mp4(), 'video/mp4', {}, 'v1');
    expect(v1.status).toBe(200);
    expect(v1.body.url).toEqual(expect.any(String));
  });

  it('keeps the order of media_ids and allows a blank text with media', async () => {
    const { s, call, upload } = await start();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await upload(png(), 'image/png')).body.id);
    const reversed = [...ids].reverse();
    const response = await call('POST', '/api/v1/statuses', { media_ids: reversed });
    expect(response.status).toBe(200);
    expect(response.body.media_attachments.map((m: { id: string }) => m.id)).toEqual(reversed);
    expect(s.statuses()[0]).toMatchObject({ text: '', media_ids: reversed });
  });

  it('enforces the per-status attachment rules', async () => {
    const { call, upload } = await start();
    const images = [];
    for (let i = 0; i < 5; i++) images.push((await upload(png(), 'image/png')).body.id);
    const tooMany = await call('POST', '/api/v1/statuses', { status: 'x', media_ids: images });
    expect(tooMany).toMatchObject({
      status: 422,
      body: { error: 'Cannot attach more than 4 files' },
    });
    const video = (await upload(mp4(), 'video/mp4')).body.id;
    const mixed = await call('POST', '/api/v1/statuses', {
      status: 'x',
      media_ids: [images[0], video],
    });
    expect(mixed.body).toEqual({
      error: 'Cannot attach a video to a post that already contains images',
    });
    const unknown = await call('POST', '/api/v1/statuses', {
      status: 'x',
      media_ids: [images[0], '999'],
    });
    expect(unknown.body).toEqual({
      error: 'Media 999 not found or already attached to another post',
    });
    const theirs = (await upload(png(), 'image/png', {}, 'v2', 't2')).body.id;
    const foreign = await call('POST', '/api/v1/statuses', { status: 'x', media_ids: [theirs] });
    expect(foreign.body).toEqual({
      error: `Media ${theirs} not found or already attached to another post`,
    });
    expect(
      (await call('POST', '/api/v1/statuses', { status: 'x', media_ids: [images[0]] })).status,
    ).toBe(200);
    const again = await call('POST', '/api/v1/statuses', { status: 'y', media_ids: [images[0]] });
    expect(again.status).toBe(422);
  });

  it('rejects unsupported types, oversized files and long descriptions', async () => {
    const { upload } = await start();
    const pdf = await upload(Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(pdf).toMatchObject({
      status: 422,
      body: { error: 'Validation failed: File content type is invalid, File is invalid' },
    });
    const big = Buffer.concat([png(), Buffer.alloc(16 * 1024 * 1024)]);
    expect((await upload(big, 'image/png')).body).toEqual({
      error:
        'Validation failed: File file size must be less than 16 MB, File must be less than 16 MB',
    });
    expect((await upload(png(7681, 4321), 'image/png')).body).toEqual({
      error: '7681x4321 images are not supported',
    });
    expect((await upload(png(), 'image/png', { description: 'd'.repeat(10_001) })).body).toEqual({
      error: 'Validation failed: Description is too long (maximum is 10000 characters)',
    });
    expect((await upload(png(), 'image/png', { description: 'd'.repeat(10_000) })).status).toBe(
      200,
    );
  });

  it('needs write or write:media and a user', async () => {
    const { s } = await start();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png())], { type: 'image/png' }), 'a.png');
    const response = await fetch(`${s.url}/api/v2/media`, { method: 'POST', body: form });
    expect(response.status).toBe(401);
  });

  it('replaces media on edit: omitted media_ids removes it all', async () => {
    const { s, call, upload } = await start();
    const first = (await upload(png(), 'image/png')).body.id;
    const second = (await upload(png(), 'image/png')).body.id;
    const status = (await call('POST', '/api/v1/statuses', { status: 'pics', media_ids: [first] }))
      .body;
    const swapped = await call('PUT', `/api/v1/statuses/${status.id}`, {
      status: 'pics',
      media_ids: [second, first, '424242'],
    });
    expect(swapped.status).toBe(200);
    expect(swapped.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([
      second,
      first,
    ]);
    const cleared = await call('PUT', `/api/v1/statuses/${status.id}`, { status: 'no pics' });
    expect(cleared.body.media_attachments).toEqual([]);
    expect(s.statuses()[0]).toMatchObject({ text: 'no pics', media_ids: [] });
  });
});
