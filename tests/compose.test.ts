// docker-compose.yml, checked without a Docker engine: its shape is asserted statically, and
// each Herald service's command is started natively with the environment the compose file
// gives it (Redis and the config path mapped to this machine), then a webhook and a feed item
// must come out as statuses on the sandbox.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@herald/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  deletePrefix,
  eventually,
  type FeedServer,
  type HeraldProcess,
  REDIS_URL,
  ROOT,
  rss,
  runHerald,
  startFeedServer,
  uniquePrefix,
  writeConfigFile,
} from './_util.ts';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  image?: string;
  build?: string;
}
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const ROLES = ['web', 'poller', 'formatter', 'publisher'];
const SECRET = 'compose-secret';

/** Compose's `${VAR:-default}` as it would resolve with the given environment. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\{(\w+)(?::-([^}]*))?\}/g,
    (_, name: string, fallback = '') => env[name] || fallback,
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('docker-compose.yml', () => {
  it('runs Redis durably and every role from one image, config read-only, after Redis is healthy', () => {
    const { redis, ...herald } = compose.services;
    expect(redis!.image).toMatch(/^redis:/);
    const redisCommand = (redis as ComposeService & { command: string[] }).command.join(' ');
    expect(redisCommand).toContain('--appendonly yes');
    expect(redisCommand).toContain('--maxmemory-policy noeviction');
    expect((redis as { healthcheck?: unknown }).healthcheck).toBeDefined();
    expect(Object.keys(herald).sort()).toEqual([...ROLES].sort());
    for (const [name, service] of Object.entries(herald)) {
      expect(service.command, name).toEqual(['start', '--role', name]);
      expect(service.image, name).toBe('herald:latest');
      expect(service.depends_on?.redis?.condition, name).toBe('service_healthy');
      // Longer than Herald's 10 s drain, so Docker does not SIGKILL a clean shutdown.
      expect((service as { stop_grace_period?: string }).stop_grace_period, name).toBe('30s');
      expect(
        service.volumes?.some((v) => v.endsWith(':/config/herald.yaml:ro')),
        name,
      ).toBe(true);
      expect(service.environment?.HERALD_CONFIG, name).toBe('/config/herald.yaml');
      expect(service.environment?.HERALD_REDIS_URL, name).toBe('redis://redis:6379');
    }
  });
});

describe('compose services started natively', () => {
  const prefix = uniquePrefix('compose');
  const processes: HeraldProcess[] = [];
  let sandbox: Sandbox;
  let feed: FeedServer;
  let port: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ tokens: ['compose-token'] });
    feed = await startFeedServer(
      rss([
        {
          guid: 'c-1',
          title: 'Compose works',
          link: 'https://blog.example.org/compose',
          date: '2026-12-01',
        },
      ]),
    );
    port = await freePort();
    const configFile = writeConfigFile({
      server: { host: '127.0.0.1', port: 3000 },
      redis: { url: 'redis://unused.invalid:6379', prefix },
      accounts: { main: { instance: sandbox.url, token: '${MASTODON_TOKEN}' } },
      feeds: [{ id: 'blog', url: feed.url, every: '1s', backfill: 1, to: ['main'] }],
      github: { secret: '${GITHUB_WEBHOOK_SECRET}', repos: [{ repo: 'octo/app', to: ['main'] }] },
    });
    const outer = { MASTODON_TOKEN: 'compose-token', GITHUB_WEBHOOK_SECRET: SECRET };
    for (const role of ROLES) {
      const service = compose.services[role]!;
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(service.environment ?? {}))
        env[key] = interpolate(String(value), outer);
      // What the container would see, mapped to this machine: Redis at its local address, the
      // mounted config at a temp path, the web port free.
      env.HERALD_REDIS_URL = REDIS_URL;
      env.HERALD_CONFIG = configFile;
      if (env.HERALD_PORT) env.HERALD_PORT = String(port);
      const child = runHerald(service.command!, env);
      processes.push(child);
      await child.waitFor(/herald started/, 20_000);
    }
  }, 60_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    const codes = await Promise.all(processes.map((p) => p.exited));
    await sandbox?.close();
    await feed?.close();
    await deletePrefix(prefix);
    expect(codes).toEqual(ROLES.map(() => 0));
  });

  it('serves health on the web port from HERALD_PORT', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('posts a feed item through poller → formatter → publisher', async () => {
    const status = await eventually(
      () => sandbox.statuses().find((s) => s.text.startsWith('Compose works')),
      20_000,
    );
    expect(status?.text).toBe('Compose works\n\nhttps://blog.example.org/compose');
  });

  it('posts a signed release webhook received by the web service', async () => {
    const body = JSON.stringify({
      action: 'published',
      release: {
        id: 42,
        tag_name: 'v1.0.0',
        name: 'First',
        html_url: 'https://github.com/octo/app/releases/tag/v1.0.0',
        body: null,
        draft: false,
        prerelease: false,
        created_at: '2026-12-01T00:00:00Z',
        published_at: '2026-12-01T00:00:00Z',
      },
      repository: { full_name: 'octo/app', html_url: 'https://github.com/octo/app', topics: [] },
      sender: { login: 'octocat' },
    });
    const response = await fetch(`http://127.0.0.1:${port}/webhooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'release',
        'x-github-delivery': `compose-${prefix}`,
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(response.status).toBe(202);
    const status = await eventually(
      () => sandbox.statuses().find((s) => s.text.includes('octo/app')),
      20_000,
    );
    expect(status?.text).toContain('https://github.com/octo/app/releases/tag/v1.0.0');
  });
});
