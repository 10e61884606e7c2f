import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HeraldError } from '@herald/core';
import {
  type FittedPart,
  fitToLimit,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
  type Segment,
} from '@herald/format';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { loadCommandConfig } from '../load-config.ts';
import { previewLimits } from '../preview/instance-limits.ts';
import { type ItemPreview, planRoutes } from '../preview/plan-routes.ts';
import { describeItems } from '../preview/render.ts';
import { feedItems, githubItems } from '../preview/source-items.ts';

const help = `Usage: herald preview --text <text> [--spoiler <cw>] [options]
       herald preview --feed <id> [--items <n>] [--config <file>] [--json]
       herald preview --github <event> <payload.json> [--config <file>] [--json]

Shows the status(es) Herald would post, counted exactly as Mastodon's server counts
them (URLs as 23, @user@domain as @user, grapheme clusters) and fitted into the
instance's limit. Posts nothing and writes nothing.

Input (one of):
  --text <text>           the final status text, taken as is (no template, no markup
                          stripping, no link cleaning, no mention neutralising);
                          needs no config and no Redis
  --spoiler <cw>          with --text: content warning; it shares the character budget
  --feed <id>             fetch the configured feed now and show what its newest items
                          would become on each of its routes
  --items <n>             with --feed: how many of the newest items (default 3)
  --github <event> <payload.json>
                          what a webhook delivery of <event> (release, push, …) with
                          this payload would become on each route of its repository
  --config <file>         with --feed/--github: the config (else HERALD_CONFIG, else
                          ./herald.yaml)

Limits (explicit flags win):
  --instance <url>        with --text: read the limits from <url>/api/v2/instance, then
                          /api/v1/instance; Mastodon's defaults if both fail. With
                          --feed/--github each account's own instance is asked
  --max-characters <n>    character limit (default 500)
  --url-chars <n>         characters counted per URL (default 23)
  --overflow <mode>       with --text: truncate | thread (default truncate); routes
                          use their own overflow setting

Output:
  --json                  --text: {"limit", "urlChars", "parts": [{"text", "spoilerText",
                          "length"}]}, where length is Mastodon's count of spoiler + text.
                          --feed/--github: {"items": [{"itemKey", "title", "url",
                          "routes": [{"route", "account", "limit", "urlChars", "status",
                          "parts" | "rule" | "reason", "notes"}]}]}
  -h, --help              show this help

Human output shows each part with its count against the limit, the media and alt
text chosen, and the rules and filters that fired. Exits 1 when something cannot be
posted (a content warning alone too long, an unbreakable token, a feed that fails).`;

const options = {
  text: { type: 'string' },
  spoiler: { type: 'string' },
  instance: { type: 'string' },
  'max-characters': { type: 'string' },
  'url-chars': { type: 'string' },
  overflow: { type: 'string' },
  json: { type: 'boolean' },
  feed: { type: 'string' },
  items: { type: 'string' },
  github: { type: 'string' },
  config: { type: 'string' },
} as const;

type Overflow = 'truncate' | 'thread';

/** What `--text` fits: the status text as segments, and its content warning. */
interface PreviewInput {
  segments: Segment[];
  spoilerText: string;
}

/** `--text`: the final status text, fitted as one shrinkable body. */
function textInput(text: string, spoiler: string | undefined): PreviewInput {
  return { segments: [{ text, shrink: true, kind: 'body' }], spoilerText: spoiler ?? '' };
}

export const previewCommand: Command = {
  name: 'preview',
  summary: 'show how a status is counted and fitted into an instance’s limit',
  help,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: true,
    });
    const modes = [values.text, values.feed, values.github].filter((v) => v !== undefined);
    if (modes.length !== 1) {
      throw new UsageError(
        'give one of --text <text>, --feed <id> or --github <event> <payload.json>',
      );
    }
    if (values.text === undefined) return previewSource(values, positionals, io);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const input = textInput(values.text, values.spoiler);
    const overflow = parseOverflow(values.overflow);
    const explicit = {
      maxCharacters: parseCount('--max-characters', values['max-characters']),
      urlChars: parseCount('--url-chars', values['url-chars']),
    };
    const limits = await resolveLimits(values.instance, explicit, io);

    let parts: FittedPart[];
    try {
      parts = fitToLimit({ ...input, overflow, limits });
    } catch (error) {
      if (!(error instanceof HeraldError)) throw error;
      io.stderr(`herald preview: ${error.message} (${error.code})\n`);
      return 1;
    }
    io.stdout(
      values.json
        ? `${JSON.stringify({ limit: limits.maxCharacters, urlChars: limits.urlChars, parts })}\n`
        : describeParts(parts, limits),
    );
    return 0;
  },
};

type Values = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: typeof options;
    strict: true;
    allowPositionals: true;
  }>
>['values'];

/** `--feed` / `--github`: the formatter's planner on each route, as the formatter stage runs it. */
async function previewSource(
  values: Values,
  positionals: string[],
  io: CommandIo,
): Promise<number> {
  for (const flag of ['spoiler', 'overflow', 'instance'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --text only`);
  }
  if (values.github !== undefined && positionals.length !== 1) {
    throw new UsageError('--github <event> takes the payload file: --github release payload.json');
  }
  if (values.feed !== undefined && positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`);
  }
  const count = parseCount('--items', values.items) ?? 3;
  const config = await loadCommandConfig(values.config, io);
  if (!config) return 1;
  let previews: ItemPreview[];
  try {
    const items =
      values.feed !== undefined
        ? await feedItems(config, values.feed, count, io.signal)
        : await githubItems(config, values.github!, resolve(io.cwd, positionals[0]!));
    previews = await planRoutes(config, items, {
      explicit: {
        maxCharacters: parseCount('--max-characters', values['max-characters']),
        urlChars: parseCount('--url-chars', values['url-chars']),
      },
      signal: io.signal,
      warn: (message) => io.stderr(`herald preview: ${message}\n`),
    });
  } catch (error) {
    if (!(error instanceof HeraldError)) throw error;
    io.stderr(`herald preview: ${error.message} (${error.code})\n`);
    return 1;
  }
  io.stdout(values.json ? `${JSON.stringify({ items: previews })}\n` : describeItems(previews));
  return previews.some((item) => item.routes.some((route) => route.status === 'error')) ? 1 : 0;
}

async function resolveLimits(
  instance: string | undefined,
  explicit: { maxCharacters: number | undefined; urlChars: number | undefined },
  io: CommandIo,
): Promise<InstanceLimits> {
  let base = MASTODON_DEFAULT_LIMITS;
  if (instance !== undefined) {
    if (!URL.canParse(instance) || !/^https?:$/.test(new URL(instance).protocol)) {
      throw new UsageError(`--instance must be an http(s) URL, got "${instance}"`);
    }
    base = await previewLimits(instance, io.signal, (message) =>
      io.stderr(`herald preview: ${message}\n`),
    );
  }
  return {
    maxCharacters: explicit.maxCharacters ?? base.maxCharacters,
    urlChars: explicit.urlChars ?? base.urlChars,
    maxMedia: base.maxMedia,
  };
}

function describeParts(parts: FittedPart[], limits: InstanceLimits): string {
  return parts
    .map((part, i) => {
      const header = `── part ${i + 1}/${parts.length} · ${part.length}/${limits.maxCharacters} ──`;
      const cw = part.spoilerText === '' ? '' : `CW: ${part.spoilerText}\n`;
      return `${header}\n${cw}${part.text}\n`;
    })
    .join('\n');
}

function parseOverflow(value: string | undefined): Overflow {
  if (value === undefined) return 'truncate';
  if (value === 'truncate' || value === 'thread') return value;
  throw new UsageError(`--overflow must be truncate or thread, got "${value}"`);
}

function parseCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  }
  return number;
}
