import { describe, expect, it } from 'vitest';
import { injected, manualClock } from './_util.ts';

const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('repeat-200: a repeat answers 200 with the original status and creates nothing', async () => {
    const sandbox = injected();
    const post = (status: string) =>
      sandbox.request('POST', '/api/v1/statuses', { json: { status }, ...keyed('k-1') });
    const first = await post('Original');
    expect(first.status).toBe(200);
    // The payload is not compared: a different body with the same key is the same request.
    const second = await post('Something else');
    expect(second.status).toBe(200);
    expect(second.body!.id).toBe(first.body!.id);
    expect(sandbox.statuses()).toEqual([
      expect.objectContaining({ text: 'Original', idempotency_key: 'k-1' }),
    ]);
  });

  it('repeat-200 re-serializes the status as it is now', async () => {
    const sandbox = injected();
    const first = await sandbox.request('POST', '/api/v1/statuses', {
      json: { status: 'v1' },
      ...keyed('k'),
    });
    await sandbox.request('PUT', `/api/v1/statuses/${first.body!.id}`, { json: { status: 'v2' } });
    const repeat = await sandbox.request('POST', '/api/v1/statuses', {
      json: { status: 'v1' },
      ...keyed('k'),
    });
    expect(repeat.body!.content).toBe('<p>v2</p>');
    await sandbox.request('DELETE', `/api/v1/statuses/${first.body!.id}`);
    const gone = await sandbox.request('POST', '/api/v1/statuses', {
      json: { status: 'v1' },
      ...keyed('k'),
    });
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: 'Record not found' });
  });

  it('repeat-500: a repeat answers Rails’ 500 and creates nothing (Mastodon 4.6–4.7)', async () => {
    const sandbox = injected({ idempotency: 'repeat-500' });
    const post = () =>
      sandbox.request('POST', '/api/v1/statuses', { json: { status: 'Once' }, ...keyed('k-2') });
    expect((await post()).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const repeat = await post();
      expect(repeat.status).toBe(500);
      expect(repeat.body).toEqual({ status: 500, error: 'Internal Server Error' });
    }
    expect(sandbox.statuses()).toHaveLength(1);
  });

  it('keeps keys per account', async () => {
    const sandbox = injected();
    const post = (token: string) =>
      sandbox.request('POST', '/api/v1/statuses', {
        json: { status: 'Hi' },
        token,
        ...keyed('shared'),
      });
    const one = await post('t1');
    const two = await post('t2');
    expect(two.body!.id).not.toBe(one.body!.id);
    expect(sandbox.statuses('1')).toHaveLength(1);
    expect(sandbox.statuses('2')).toHaveLength(1);
  });

  it('stores nothing when the first attempt fails, so a retry executes', async () => {
    const sandbox = injected({ maxCharacters: 5, idempotency: 'repeat-500' });
    const failed = await sandbox.request('POST', '/api/v1/statuses', {
      json: { status: 'far too long' },
      ...keyed('k-3'),
    });
    expect(failed.status).toBe(422);
    const retry = await sandbox.request('POST', '/api/v1/statuses', {
      json: { status: 'short' },
      ...keyed('k-3'),
    });
    expect(retry.status).toBe(200);
    expect(sandbox.statuses()).toEqual([expect.objectContaining({ text: 'short' })]);
  });

  it('forgets a key one hour after the first success', async () => {
    const clock = manualClock();
    const sandbox = injected({ now: clock.now });
    const post = () =>
      sandbox.request('POST', '/api/v1/statuses', { json: { status: 'Hourly' }, ...keyed('k-4') });
    const first = await post();
    clock.advance(3_600_000 - 1);
    expect((await post()).body!.id).toBe(first.body!.id);
    clock.advance(1);
    const later = await post();
    expect(later.status).toBe(200);
    expect(later.body!.id).not.toBe(first.body!.id);
    expect(sandbox.statuses()).toHaveLength(2);
  });

  it('treats a blank key as no key', async () => {
    const sandbox = injected();
    for (let i = 0; i < 2; i++) {
      await sandbox.request('POST', '/api/v1/statuses', { json: { status: 'x' }, ...keyed('  ') });
    }
    expect(sandbox.statuses()).toHaveLength(2);
    expect(sandbox.statuses()[0]!.idempotency_key).toBeNull();
  });

  it('is not used by edits', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('one');
    for (const status of ['two', 'three']) {
      const edit = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, {
        json: { status },
        ...keyed('edit-key'),
      });
      expect(edit.status).toBe(200);
    }
    expect(sandbox.statuses()[0]!.text).toBe('three');
  });
});
