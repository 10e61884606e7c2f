import { silentLogger } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { buildWebApp } from './app.ts';

describe('web app', () => {
  it('answers healthz always and readyz only when Redis answers', async () => {
    let up = true;
    const app = await buildWebApp({
      logger: silentLogger,
      ping: async () => {
        if (!up) throw new Error('down');
      },
    });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).json()).toEqual({ ok: true });
    up = false;
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });

  it('redirects known short links and 404s unknown ones', async () => {
    const app = await buildWebApp({
      logger: silentLogger,
      ping: async () => {},
      resolveShortLink: async (code) =>
        code === 'abcd123' ? 'https://example.org/post' : undefined,
    });
    const hit = await app.inject('/l/abcd123');
    expect(hit.statusCode).toBe(302);
    expect(hit.headers.location).toBe('https://example.org/post');
    expect((await app.inject('/l/zzzz999')).statusCode).toBe(404);
    expect((await app.inject('/l/bad!')).statusCode).toBe(400);
    await app.close();
  });

  it('exposes request counters and gauges as Prometheus text', async () => {
    const app = await buildWebApp({
      logger: silentLogger,
      ping: async () => {},
      gauges: async () => [
        {
          name: 'herald_queue_jobs',
          help: 'jobs by queue and state',
          labels: { queue: 'format', state: 'waiting' },
          value: 3,
        },
      ],
    });
    await app.inject('/healthz');
    const text = (await app.inject('/metrics')).body;
    expect(text).toContain('herald_http_requests_total{route="/healthz",status="200"} 1');
    expect(text).toContain('herald_queue_jobs{queue="format",state="waiting"} 3');
    await app.close();
  });

  it('serves the bundled demo feed', async () => {
    const app = await buildWebApp({ logger: silentLogger, ping: async () => {} });
    const feed = await app.inject('/demo/feed.xml');
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('<title>Herald demo blog</title>');
    await app.close();
  });
});
