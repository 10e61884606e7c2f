import { describe, expect, it } from 'vitest';
import { injected, manualClock } from './_util.ts';

async function withStatuses(count: number) {
  const clock = manualClock();
  const sandbox = injected({ now: clock.now });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await sandbox.post(`status ${i}`)).body!.id as string);
    clock.advance(1000);
  }
  return { sandbox, ids: ids.reverse() }; // newest first, as the API lists them
}

const idsOf = (body: unknown) => (body as { id: string }[]).map((s) => s.id);

function links(header: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of String(header ?? '')
    .split(', ')
    .filter(Boolean)) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (match) result[match[2]!] = match[1]!;
  }
  return result;
}

describe('GET /api/v1/accounts/:id/statuses', () => {
  it('lists newest first, 20 by default, with next and prev links', async () => {
    const { sandbox, ids } = await withStatuses(25);
    const page = await sandbox.request('GET', '/api/v1/accounts/1/statuses');
    expect(idsOf(page.body)).toEqual(ids.slice(0, 20));
    const link = links(page.headers.link);
    expect(link.next).toBe(`http://localhost:80/api/v1/accounts/1/statuses?max_id=${ids[19]}`);
    expect(link.prev).toBe(`http://localhost:80/api/v1/accounts/1/statuses?min_id=${ids[0]}`);
    const next = await sandbox.request(
      'GET',
      new URL(link.next!).pathname + new URL(link.next!).search,
    );
    expect(idsOf(next.body)).toEqual(ids.slice(20));
    // A page that is not full has no next link, only prev.
    expect(Object.keys(links(next.headers.link))).toEqual(['prev']);
  });

  it('honours limit up to 40 and carries it in the links', async () => {
    const { sandbox, ids } = await withStatuses(45);
    const big = await sandbox.request('GET', '/api/v1/accounts/1/statuses?limit=100');
    expect(idsOf(big.body)).toHaveLength(40);
    const small = await sandbox.request('GET', '/api/v1/accounts/1/statuses?limit=3');
    expect(idsOf(small.body)).toEqual(ids.slice(0, 3));
    expect(links(small.headers.link).next).toBe(
      `http://localhost:80/api/v1/accounts/1/statuses?limit=3&max_id=${ids[2]}`,
    );
  });

  it('pages with max_id, since_id and min_id', async () => {
    const { sandbox, ids } = await withStatuses(10);
    const get = async (query: string) =>
      idsOf((await sandbox.request('GET', `/api/v1/accounts/1/statuses?${query}`)).body);
    expect(await get(`max_id=${ids[4]}&limit=2`)).toEqual(ids.slice(5, 7));
    // since_id: the newest ones above the cursor; min_id: the ones just above it.
    expect(await get(`since_id=${ids[8]}&limit=2`)).toEqual(ids.slice(0, 2));
    expect(await get(`min_id=${ids[8]}&limit=2`)).toEqual(ids.slice(6, 8));
    expect(await get(`min_id=${ids[8]}&max_id=${ids[6]}`)).toEqual([ids[7]]);
  });

  it('sends no Link header for an empty page', async () => {
    const { sandbox, ids } = await withStatuses(2);
    const empty = await sandbox.request('GET', `/api/v1/accounts/1/statuses?min_id=${ids[0]}`);
    expect(empty.body).toEqual([]);
    expect(empty.headers.link).toBeUndefined();
  });

  it('compares ids numerically even when their lengths differ', async () => {
    const clock = manualClock(0);
    const sandbox = injected({ now: clock.now });
    const early = (await sandbox.post('early')).body!.id as string;
    clock.set(Date.UTC(2026, 0, 1));
    const late = (await sandbox.post('late')).body!.id as string;
    expect(early.length).toBeLessThan(late.length);
    const page = await sandbox.request('GET', '/api/v1/accounts/1/statuses');
    expect(idsOf(page.body)).toEqual([late, early]);
    expect(
      idsOf((await sandbox.request('GET', `/api/v1/accounts/1/statuses?max_id=${late}`)).body),
    ).toEqual([early]);
  });

  it('shows private statuses only to their author and filters replies and media', async () => {
    const sandbox = injected();
    const open = (await sandbox.post('open')).body!.id;
    const secret = (await sandbox.post('secret', { visibility: 'private' })).body!.id;
    const reply = (await sandbox.post('reply', { in_reply_to_id: open })).body!.id;
    const anonymous = await sandbox.request('GET', '/api/v1/accounts/1/statuses', { token: null });
    expect(idsOf(anonymous.body)).toEqual([reply, open]);
    const own = await sandbox.request('GET', '/api/v1/accounts/1/statuses');
    expect(idsOf(own.body)).toEqual([reply, secret, open]);
    const noReplies = await sandbox.request(
      'GET',
      '/api/v1/accounts/1/statuses?exclude_replies=true',
    );
    expect(idsOf(noReplies.body)).toEqual([secret, open]);
    expect((await sandbox.request('GET', '/api/v1/accounts/9/statuses')).status).toBe(404);
  });
});
