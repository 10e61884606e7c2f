import { describe, expect, it } from 'vitest';
import { injected, manualClock } from './_util.ts';

const a = (n: number) => 'a'.repeat(n);
const LINK49 = `http://${'b'.repeat(30)}.com/example`;

describe('POST /api/v1/statuses', () => {
  it('creates a status from JSON and answers 200 with a Status entity', async () => {
    const sandbox = injected();
    const response = await sandbox.post('Hello <world> https://example.com/x #Herald', {
      visibility: 'unlisted',
      language: 'de',
    });
    expect(response.status).toBe(200);
    const status = response.body!;
    expect(status).toMatchObject({
      in_reply_to_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'unlisted',
      language: 'de',
      edited_at: null,
      media_attachments: [],
      account: { id: '1', username: 'user1', acct: 'user1' },
      tags: [{ name: 'herald' }],
    });
    expect(status.text).toBeUndefined();
    expect(status.content).toMatch(/^<p>Hello &lt;world&gt; <a href="https:\/\/example.com\/x"/);
    expect(status.url).toBe(`http://localhost:80/@user1/${status.id}`);
    expect(status.id).toMatch(/^\d+$/);
    expect(sandbox.statuses()).toEqual([
      expect.objectContaining({
        id: status.id,
        account_id: '1',
        text: 'Hello <world> https://example.com/x #Herald',
        visibility: 'unlisted',
        language: 'de',
        idempotency_key: null,
      }),
    ]);
  });

  it('reads form and multipart bodies, with media_ids[] arrays', async () => {
    const sandbox = injected();
    const form = await sandbox.request('POST', '/api/v1/statuses', {
      form: 'status=From+a+form&spoiler_text=cw&sensitive=false&language=en-US',
    });
    expect(form.status).toBe(200);
    // A CW forces sensitive; an unsupported language falls back to the default.
    expect(form.body).toMatchObject({ spoiler_text: 'cw', sensitive: true, language: 'en' });

    const boundary = 'sandbox-boundary';
    const multipart = [
      `--${boundary}\r\nContent-Disposition: form-data; name="status"\r\n\r\nFrom multipart\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nprivate\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const response = await sandbox.app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: {
        authorization: 'Bearer t1',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: multipart,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ visibility: 'private' });
    expect(sandbox.statuses().map((s) => s.text)).toEqual(['From a form', 'From multipart']);
  });

  it('ignores a scalar media_ids (strong params drop it)', async () => {
    const sandbox = injected();
    const response = await sandbox.request('POST', '/api/v1/statuses', {
      form: 'status=x&media_ids=123',
    });
    expect(response.status).toBe(200);
    expect(response.body!.media_attachments).toEqual([]);
  });

  it('validates the length exactly at the limit (spec cases through HTTP)', async () => {
    const sandbox = injected({ maxCharacters: 100 });
    expect((await sandbox.post(`${a(76)} ${LINK49}`)).status).toBe(200); // A8
    const a9 = await sandbox.post(`${a(76)}${LINK49}`);
    expect(a9.status).toBe(422);
    expect(a9.body).toEqual({ error: 'Validation failed: Text character limit of 100 exceeded' });
    expect((await sandbox.post(`${a(75)} @alice@${'b'.repeat(30)}.com`)).status).toBe(200); // A11
    expect((await sandbox.post('x', { spoiler_text: a(55), status: a(50) })).status).toBe(422); // A7
    expect((await sandbox.post('\u2728'.repeat(100))).status).toBe(200); // A13
    expect((await sandbox.post(a(101))).status).toBe(422);
    expect((await sandbox.post(`  ${a(100)}\n\n`)).status).toBe(200);
    expect(sandbox.statuses()).toHaveLength(4);
  });

  it('validates against the default limit of 500', async () => {
    const sandbox = injected();
    expect((await sandbox.post(a(500))).status).toBe(200);
    expect((await sandbox.post(a(501))).body).toEqual({
      error: 'Validation failed: Text character limit of 500 exceeded',
    });
  });

  it('rejects a blank text without media', async () => {
    const sandbox = injected();
    for (const status of ['', '   \n', '\u00A0']) {
      const response = await sandbox.post(status);
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ error: "Validation failed: Text can't be blank" });
    }
    expect((await sandbox.request('POST', '/api/v1/statuses', { json: {} })).status).toBe(422);
    expect(sandbox.statuses()).toHaveLength(0);
  });

  it('moves a lone content warning into the text', async () => {
    const sandbox = injected();
    const response = await sandbox.post('  ', { spoiler_text: 'Only a CW https://example.com/x' });
    expect(response.body).toMatchObject({ spoiler_text: '', sensitive: true });
    expect(sandbox.statuses()[0]).toMatchObject({
      text: 'Only a CW https://example.com/x',
      spoiler_text: '',
    });
  });

  it('rejects an unknown visibility', async () => {
    const sandbox = injected();
    const response = await sandbox.post('x', { visibility: 'everyone' });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      error: 'Validation failed: Visibility is not included in the list',
    });
  });

  it('answers 404 for a reply to a missing or invisible status', async () => {
    const sandbox = injected();
    const missing = await sandbox.post('reply', { in_reply_to_id: '999' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: 'The post you are trying to reply to does not appear to exist.',
    });
    const secret = await sandbox.post('private', { visibility: 'private' }, 't2');
    expect((await sandbox.post('reply', { in_reply_to_id: secret.body!.id })).status).toBe(404);
    const parent = await sandbox.post('parent');
    const reply = await sandbox.post('reply', { in_reply_to_id: parent.body!.id }, 't2');
    expect(reply.body).toMatchObject({
      in_reply_to_id: parent.body!.id,
      in_reply_to_account_id: '1',
    });
  });

  it('refuses polls and future scheduled_at loudly, posts a past scheduled_at at once', async () => {
    const clock = manualClock();
    const sandbox = injected({ now: clock.now });
    expect(
      (await sandbox.post('x', { poll: { options: ['a', 'b'], expires_in: 600 } })).status,
    ).toBe(422);
    const soon = new Date(clock.now() + 60_000).toISOString();
    expect((await sandbox.post('x', { scheduled_at: soon })).body).toEqual({
      error: 'Validation failed: Scheduled at date must be in the future',
    });
    const past = new Date(clock.now() - 60_000).toISOString();
    expect((await sandbox.post('x', { scheduled_at: past })).status).toBe(200);
  });

  it('answers Rails’ 400 for malformed JSON', async () => {
    const sandbox = injected();
    const response = await sandbox.app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: { authorization: 'Bearer t1', 'content-type': 'application/json' },
      payload: '{"status": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ status: 400, error: 'Bad Request' });
  });
});

describe('authentication and scopes', () => {
  it('answers 401 with Doorkeeper’s body and header without a valid token', async () => {
    const sandbox = injected();
    for (const token of [null, 'nope']) {
      const response = await sandbox.post('x', {}, token as string);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'The access token is invalid' });
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"',
      );
    }
    expect(sandbox.statuses()).toHaveLength(0);
  });

  it('accepts the token as an access_token parameter', async () => {
    const sandbox = injected();
    const response = await sandbox.request(
      'GET',
      '/api/v1/accounts/verify_credentials?access_token=t2',
      {
        token: null,
      },
    );
    expect(response.body).toMatchObject({
      id: '2',
      username: 'user2',
      source: { privacy: 'public' },
    });
  });
});
