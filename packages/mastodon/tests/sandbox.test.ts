import { startSandbox } from '@herald/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonClient, type MastodonClient } from '../src/index.ts';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let client: MastodonClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    tokens: ['t1'],
    maxCharacters: 1000,
    rateLimit: 'mastodon',
    mediaDelayMs: 100,
    idempotency: 'repeat-200',
  });
  client = createMastodonClient({
    instance: sandbox.url,
    token: 't1',
    upload: { pollIntervalMs: 20, maxPollIntervalMs: 40 },
  });
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

describe('client against the sandbox', () => {
  it('reads the account and the instance limits', async () => {
    const me = await client.verifyCredentials();
    expect(me.data.id).toBe(sandbox.accounts[0]?.id);
    expect(me.rateLimit?.limit).toBeGreaterThan(0);
    const limits = await client.instanceLimits();
    expect(limits.data.maxCharacters).toBe(1000);
    expect(limits.data.urlChars).toBe(23);
  });

  it('posts once per Idempotency-Key, and reads the plain source back', async () => {
    const first = await client.postStatus(
      { status: 'Hello from Herald https://example.org', visibility: 'unlisted' },
      { idempotencyKey: 'key-1' },
    );
    const repeat = await client.postStatus(
      { status: 'Hello from Herald https://example.org', visibility: 'unlisted' },
      { idempotencyKey: 'key-1' },
    );
    expect(repeat.data.id).toBe(first.data.id);
    expect(first.rateLimit?.limit).toBe(300); // the statuses family's headers
    const source = await client.statusSource(first.data.id);
    expect(source.data.text).toBe('Hello from Herald https://example.org');
  });

  it('edits as a full replacement', async () => {
    const posted = await client.postStatus(
      { status: 'Before', spoiler_text: 'CW' },
      { idempotencyKey: 'key-edit' },
    );
    const edited = await client.editStatus(posted.data.id, {
      status: 'After',
      spoiler_text: 'CW',
      sensitive: true,
      language: 'en',
      media_ids: [],
    });
    expect(edited.data.spoiler_text).toBe('CW');
    expect(edited.data.edited_at).toBeTruthy();
    expect((await client.statusSource(posted.data.id)).data.text).toBe('After');
  });

  it('pages through the account’s statuses by Link headers', async () => {
    for (let i = 0; i < 5; i++) {
      await client.postStatus({ status: `Paged ${i}` }, { idempotencyKey: `paged-${i}` });
    }
    const me = (await client.verifyCredentials()).data;
    const first = await client.accountStatuses(me.id, { limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.next).toBeDefined();
    const second = await client.accountStatuses(me.id, { next: first.next });
    expect(second.data).toHaveLength(2);
    expect(BigInt(second.data[0]!.id)).toBeLessThan(BigInt(first.data[1]!.id));
  });

  it('uploads an image (200) and a video (202, then polled)', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const image = await client.uploadMedia({
      data: png,
      filename: 'dot.png',
      contentType: 'image/png',
      description: 'A dot',
    });
    expect(image.data).toMatchObject({ type: 'image', description: 'A dot' });
    expect(image.data.url).toBeTruthy();
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypmp42', 'latin1'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mp42isom', 'latin1'),
    ]);
    const video = await client.uploadMedia({
      data: mp4,
      filename: 'clip.mp4',
      contentType: 'video/mp4',
    });
    expect(video.data.type).toBe('video');
    expect(video.data.url).toBeTruthy();
    const status = await client.postStatus(
      { status: 'With video', media_ids: [video.data.id] },
      { idempotencyKey: 'with-video' },
    );
    expect(status.data.media_attachments.map((m) => m.id)).toEqual([video.data.id]);
  });

  it('reports the server’s error messages as permanent errors', async () => {
    await expect(
      client.postStatus({ status: 'x'.repeat(1001) }, { idempotencyKey: 'too-long' }),
    ).rejects.toMatchObject({
      code: 'HERALD_MASTODON_TOO_LONG',
      message: expect.stringContaining('character limit of 1000 exceeded'),
    });
    await expect(client.getStatus('999999999')).rejects.toMatchObject({
      kind: 'permanent',
      code: 'HERALD_MASTODON_404',
    });
    const stranger = createMastodonClient({ instance: sandbox.url, token: 'wrong' });
    await expect(stranger.verifyCredentials()).rejects.toMatchObject({
      code: 'HERALD_MASTODON_401',
      message: expect.stringContaining('The access token is invalid'),
    });
    await stranger.close();
  });
});
