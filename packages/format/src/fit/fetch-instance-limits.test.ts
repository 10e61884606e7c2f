import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchInstanceLimits } from './fetch-instance-limits.ts';

const statuses = (max: number) => ({
  configuration: {
    statuses: { max_characters: max, characters_reserved_per_url: 23, max_media_attachments: 4 },
  },
});

let server: Server | undefined;
async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function json(res: Parameters<RequestListener>[1], status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

describe('fetchInstanceLimits', () => {
  it('reads /api/v2/instance first', async () => {
    const paths: string[] = [];
    const url = await serve((req, res) => {
      paths.push(req.url!);
      json(res, 200, statuses(req.url === '/api/v2/instance' ? 1000 : 2000));
    });
    const result = await fetchInstanceLimits(url);
    expect(result).toEqual({
      limits: { maxCharacters: 1000, urlChars: 23, maxMedia: 4 },
      source: 'v2',
      problems: [],
    });
    expect(paths).toEqual(['/api/v2/instance']);
  });

  it('falls back to /api/v1/instance for servers before 4.0', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/api/v2/instance') json(res, 404, { error: 'Record not found' });
      else json(res, 200, statuses(3000));
    });
    const result = await fetchInstanceLimits(url);
    expect(result.source).toBe('v1');
    expect(result.limits.maxCharacters).toBe(3000);
    expect(result.problems).toEqual(['/api/v2/instance: HTTP 404']);
  });

  it('falls back to Mastodon’s defaults and says why', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/api/v2/instance') res.writeHead(200).end('<html>not json</html>');
      else json(res, 200, { title: 'no configuration here' });
    });
    expect(await fetchInstanceLimits(url)).toEqual({
      limits: { maxCharacters: 500, urlChars: 23, maxMedia: 4 },
      source: 'defaults',
      problems: [
        '/api/v2/instance: response is not JSON',
        '/api/v1/instance: no status limits in the response',
      ],
    });
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const url = await serve(() => {});
    const started = Date.now();
    const result = await fetchInstanceLimits(url, { timeoutMs: 200 });
    expect(result.source).toBe('defaults');
    expect(result.problems).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a connection failure', async () => {
    const url = await serve(() => {});
    server!.close();
    server!.closeAllConnections();
    const result = await fetchInstanceLimits(url);
    expect(result.source).toBe('defaults');
    expect(result.problems[0]).toMatch(/^\/api\/v2\/instance: /);
  });

  it('rethrows when the caller aborts', async () => {
    const url = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(fetchInstanceLimits(url, { signal: controller.signal })).rejects.toThrow();
  });
});
