import { describe, expect, it } from 'vitest';
import { injected, manualClock } from './_util.ts';

describe('reading, editing and deleting', () => {
  it('shows a status, and its source to the author only', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('Source text', { spoiler_text: 'CW' });
    const shown = await sandbox.request('GET', `/api/v1/statuses/${body!.id}`, { token: null });
    expect(shown.body).toMatchObject({ id: body!.id, spoiler_text: 'CW' });
    const source = await sandbox.request('GET', `/api/v1/statuses/${body!.id}/source`);
    expect(source.body).toEqual({ id: body!.id, text: 'Source text', spoiler_text: 'CW' });
    expect(
      (await sandbox.request('GET', `/api/v1/statuses/${body!.id}/source`, { token: 't2' })).status,
    ).toBe(404);
    expect((await sandbox.request('GET', '/api/v1/statuses/12345')).body).toEqual({
      error: 'Record not found',
    });
  });

  it('hides private statuses from others', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('secret', { visibility: 'direct' });
    expect(
      (await sandbox.request('GET', `/api/v1/statuses/${body!.id}`, { token: 't2' })).status,
    ).toBe(404);
    expect((await sandbox.request('GET', `/api/v1/statuses/${body!.id}`)).status).toBe(200);
  });

  it('edits as a full replacement: omitted spoiler_text clears the CW', async () => {
    const clock = manualClock();
    const sandbox = injected({ now: clock.now });
    const { body } = await sandbox.post('First', {
      spoiler_text: 'CW',
      language: 'fr',
      visibility: 'unlisted',
    });
    clock.advance(5000);
    const edited = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, {
      json: { status: 'Second' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: body!.id,
      spoiler_text: '',
      sensitive: false,
      language: 'fr', // an omitted language keeps the old one
      visibility: 'unlisted',
      edited_at: new Date(clock.now()).toISOString(),
    });
    expect(sandbox.statuses()[0]).toMatchObject({ text: 'Second', spoiler_text: '' });
  });

  it('accepts an edit that changes nothing without marking it edited', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('Same', { spoiler_text: 'CW' });
    const edited = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, {
      json: { status: 'Same', spoiler_text: 'CW', sensitive: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body!.edited_at).toBeNull();
  });

  it('validates the length of an edit and keeps the old version when it fails', async () => {
    const sandbox = injected({ maxCharacters: 10 });
    const { body } = await sandbox.post('short');
    const edited = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, {
      json: { status: 'much too long now' },
    });
    expect(edited.status).toBe(422);
    expect(edited.body).toEqual({
      error: 'Validation failed: Text character limit of 10 exceeded',
    });
    expect(sandbox.statuses()[0]!.text).toBe('short');
    const blank = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, { json: {} });
    expect(blank.body).toEqual({ error: "Validation failed: Text can't be blank" });
  });

  it('lets only the author edit (403) and delete (404)', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('mine');
    const edit = await sandbox.request('PUT', `/api/v1/statuses/${body!.id}`, {
      json: { status: 'theirs' },
      token: 't2',
    });
    expect(edit.status).toBe(403);
    expect(edit.body).toEqual({ error: 'This action is not allowed' });
    expect(
      (await sandbox.request('DELETE', `/api/v1/statuses/${body!.id}`, { token: 't2' })).status,
    ).toBe(404);
    expect(sandbox.statuses()).toHaveLength(1);
  });

  it('deletes and answers with the source text for redrafting', async () => {
    const sandbox = injected();
    const { body } = await sandbox.post('Delete me', { spoiler_text: 'cw' });
    const deleted = await sandbox.request('DELETE', `/api/v1/statuses/${body!.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: body!.id, text: 'Delete me', spoiler_text: 'cw' });
    expect(sandbox.statuses()).toEqual([]);
    expect((await sandbox.request('GET', `/api/v1/statuses/${body!.id}`)).status).toBe(404);
    expect((await sandbox.request('DELETE', `/api/v1/statuses/${body!.id}`)).status).toBe(404);
  });

  it('answers unknown routes with 404 Record not found', async () => {
    const sandbox = injected();
    const response = await sandbox.request('GET', '/api/v1/timelines/nowhere');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'Record not found' });
  });
});
