import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfigObject, routesFor, unwrapConfig } from '@herald/config';
import { createJsonLogger, createKeys } from '@herald/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollaborators } from './collaborators.ts';

let server: Server;
let shortener: string;
const asked: { url: string; apiKey: string | undefined; body: string }[] = [];
// Never connects: the shortener needs no Redis.
const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      asked.push({ url: req.url ?? '', apiKey: req.headers['x-api-key'] as string, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ shortUrl: 'https://s.example/abc' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  shortener = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/v3/short-urls`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  redis.disconnect();
});

describe('createCollaborators', () => {
  it('shortens links of a `shorten: http` route through the configured shortener', async () => {
    const config = unwrapConfig(
      parseConfigObject({
        accounts: { test: { dryRun: true } },
        feeds: [
          {
            id: 'blog',
            url: 'https://blog.example.org/feed.xml',
            to: ['test'],
            links: {
              shorten: 'http',
              http: {
                url: shortener,
                headers: { 'X-Api-Key': 'key-1' },
                responsePath: 'shortUrl',
              },
            },
          },
        ],
      }),
    );
    const warnings: string[] = [];
    const collaborators = createCollaborators(config, {
      redis,
      keys: createKeys('unused'),
      logger: createJsonLogger((line) => warnings.push(line)),
    });
    const [route] = routesFor(config, { kind: 'feed', feedId: 'blog' });

    const short = await collaborators.shortenerFor(route!).shorten('https://blog.example.org/a');
    expect(short).toBe('https://s.example/abc');
    expect(asked).toEqual([
      {
        url: '/rest/v3/short-urls',
        apiKey: 'key-1',
        body: '{"longUrl":"https://blog.example.org/a"}',
      },
    ]);
    expect(warnings).toEqual([]);
  });
});
