import { parseArgs } from 'node:util';
import { HeraldError } from '@herald/core';
import {
  type FittedPart,
  fetchInstanceLimits,
  fitToLimit,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
  type Segment,
} from '@herald/format';
import { type Command, type CommandIo, UsageError } from '../command.ts';

const help = `Usage: herald preview --text <text> [--spoiler <cw>] [options]

Shows the status(es) Herald would post for a text: counted exactly as Mastodon's
server counts it (URLs as 23, @user@domain as @user, grapheme clusters) and fitted
into the instance's limit. Needs no config and no Redis.

Input:
  --text <text>           the final status text, taken as is (no template, no markup
                          stripping, no link cleaning, no mention neutralising)
  --spoiler <cw>          content warning; it shares the character budget

Limits (explicit flags win over --instance):
  --instance <url>        read the limits from <url>/api/v2/instance, then
                          /api/v1/instance; Mastodon's defaults if both fail
  --max-characters <n>    character limit (default 500)
  --url-chars <n>         characters counted per URL (default 23)
  --overflow <mode>       truncate | thread (default truncate)

Output:
  --json                  print {"limit", "urlChars", "parts": [{"text", "spoilerText",
                          "length"}]}, where length is Mastodon's count of spoiler + text
  -h, --help              show this help

Exits 1 when the text cannot be fitted (e.g. the content warning alone is too long).`;

const options = {
  text: { type: 'string' },
  spoiler: { type: 'string' },
  instance: { type: 'string' },
  'max-characters': { type: 'string' },
  'url-chars': { type: 'string' },
  overflow: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Overflow = 'truncate' | 'thread';

/**
 * What a preview fits: the status text as segments, and its content warning. Each way of
 * naming what to preview yields one; `--feed <id>` and `--github <event> <payload.json>` are
 * to join `--text` here, as inputs rendered by the formatter's planner for a route.
 */
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
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    if (values.text === undefined) throw new UsageError('--text is required');
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
    const fetched = await fetchInstanceLimits(instance, { signal: io.signal });
    for (const problem of fetched.problems) io.stderr(`herald preview: ${problem}\n`);
    if (fetched.source === 'defaults') {
      io.stderr(
        "herald preview: could not read the instance's limits; using Mastodon's defaults\n",
      );
    }
    base = fetched.limits;
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
