import { parseArgs } from 'node:util';
import { parseDuration } from '@herald/core';
import { type SandboxOptions, startSandbox } from '@herald/sandbox';
import { type Command, UsageError } from '../command.ts';

const help = `Usage: herald sandbox [options]

Runs the Mastodon sandbox: a Mastodon-compatible API server with in-memory state, for tests
and the offline demo. It applies Mastodon's own server rules (status length, media
processing, idempotency keys, rate limits, error bodies) and knows nothing of Herald.

When it listens it prints one JSON line on stdout and nothing else:
  {"url":"http://127.0.0.1:43123","accounts":[{"id":"1","username":"user1","token":"…"}]}
Request logs go to stderr. It runs until SIGINT/SIGTERM, then closes and exits 0.

Options:
  --port <n>                 port to listen on; 0 picks a free one (default 0)
  --host <addr>              interface to listen on (default 127.0.0.1)
  --token <t>                bearer token of one account with all scopes (repeatable;
                             default: one generated token)
  --max-characters <n>       configuration.statuses.max_characters (default 500)
  --url-chars <n>            characters every recognised URL counts (default 23)
  --max-media <n>            max_media_attachments per status (default 4)
  --rate-limit <mode>        mastodon: Mastodon's throttles (default)
                             off: no limits and no X-RateLimit headers
                             <n>/<window>: n requests per window per token on /api,
                             e.g. 5/10s or 300/5m
  --media-delay <ms>         video/audio processing time before GET /api/v1/media/:id
                             answers 200; milliseconds or a duration like 2s (default 0)
  --idempotency <mode>       repeat-200: a repeated Idempotency-Key returns the original
                             status (default); repeat-500: HTTP 500 and nothing created,
                             as Mastodon 4.6–4.7 answer
  --quiet                    no request logs on stderr
  -h, --help                 show this help

Besides Mastodon's API it answers POST /__sandbox/count {"status","spoiler_text"} with
{"length": n}, its own count of the status as Mastodon would validate it.`;

function integer(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new UsageError(`--${flag} must be an integer ≥ ${min}, got "${text}"`);
  }
  return Number(text);
}

function rateLimit(text: string | undefined): SandboxOptions['rateLimit'] {
  if (text === undefined || text === 'mastodon' || text === 'off') return text;
  const match = /^(\d+)\/(.+)$/.exec(text);
  const max = match ? Number(match[1]) : 0;
  const windowMs = match ? parseDuration(match[2]!) : undefined;
  if (!match || max < 1 || !windowMs || windowMs < 1) {
    throw new UsageError(
      `--rate-limit must be mastodon, off or <n>/<window> like 5/10s, got "${text}"`,
    );
  }
  return { max, windowMs };
}

function mediaDelay(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) : parseDuration(text);
  if (ms === undefined)
    throw new UsageError(`--media-delay must be milliseconds or a duration, got "${text}"`);
  return ms;
}

function idempotency(text: string | undefined): SandboxOptions['idempotency'] {
  if (text === undefined || text === 'repeat-200' || text === 'repeat-500') return text;
  throw new UsageError(`--idempotency must be repeat-200 or repeat-500, got "${text}"`);
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the Mastodon-compatible sandbox server (tests, offline demo)',
  help,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string', multiple: true },
        'max-characters': { type: 'string' },
        'url-chars': { type: 'string' },
        'max-media': { type: 'string' },
        'rate-limit': { type: 'string' },
        'media-delay': { type: 'string' },
        idempotency: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    const port = integer('port', values.port, 0);
    if (port !== undefined && port > 65_535) throw new UsageError('--port must be at most 65535');
    const options: SandboxOptions = {
      host: values.host,
      port,
      tokens: values.token,
      maxCharacters: integer('max-characters', values['max-characters'], 1),
      urlChars: integer('url-chars', values['url-chars'], 0),
      maxMediaAttachments: integer('max-media', values['max-media'], 1),
      rateLimit: rateLimit(values['rate-limit']),
      mediaDelayMs: mediaDelay(values['media-delay']),
      idempotency: idempotency(values.idempotency),
      log: values.quiet ? undefined : (line) => io.stderr(`sandbox: ${line}\n`),
    };
    if (new Set(values.token ?? []).size !== (values.token ?? []).length) {
      throw new UsageError('--token values must be unique');
    }
    const sandbox = await startSandbox(options);
    io.stdout(`${JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts })}\n`);
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await sandbox.close();
    return 0;
  },
};
