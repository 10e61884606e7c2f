import { parseDuration } from '@herald/core';
import { z } from 'zod';

/**
 * The configuration schema: DESIGN.md's contract keys plus Herald's additions.
 * Keys are camelCase; durations are strings (`30s`, `10m`, `1h`) kept as given and
 * converted with `parseDuration` where used.
 */

const duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, 'expected a duration such as 30s, 10m or 1h');

/** A duration that must not be zero (a poll interval, a lock). */
const positiveDuration = duration.refine(
  (s) => (parseDuration(s) ?? 1) > 0,
  'must be longer than 0',
);

const httpUrl = z.string().refine((s) => /^https?:\/\/[^\s/]+/i.test(s), 'expected an http(s) URL');

export const visibilitySchema = z.enum(['public', 'unlisted', 'private', 'direct']);

// The message leaves out the pattern: it may have come from the environment.
const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    const reason = (error as Error).message.split(': ').at(-1);
    ctx.addIssue({ code: 'custom', message: `invalid regular expression (${reason})` });
  }
});

const matchRules = z
  .object({
    keywords: z.array(z.string()).default([]),
    regex: z.array(regexSource).default([]),
    categories: z.array(z.string()).default([]),
  })
  .strict();

/** Options a route can carry; set on a feed/repo they apply to all its routes. */
export const routeOptionsShape = {
  /** Post template; see docs/configuration.md for the fields. */
  template: z.string().optional(),
  /** What to do when the text is over the instance's limit. @defaultValue 'truncate' */
  overflow: z.enum(['truncate', 'thread']).optional(),
  visibility: visibilitySchema.optional(),
  /** ISO 639 code as Mastodon takes it: `en`, `de`, `pt-BR`. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'expected a language code such as en, de or pt-BR')
    .optional(),
  /** Content warning: fixed text, or per-category rules. */
  spoiler: z
    .union([
      z.string(),
      z
        .object({
          text: z.string().optional(),
          categories: z.record(z.string(), z.string()).default({}),
        })
        .strict(),
    ])
    .optional(),
  sensitive: z.boolean().optional(),
  hashtags: z
    .union([
      z.boolean(),
      z
        .object({
          /** Turn the item's categories into hashtags. @defaultValue true */
          fromCategories: z.boolean().default(true),
          /** At most this many hashtags. @defaultValue 5 */
          max: z.number().int().min(0).default(5),
          /** Hashtags added to every post of the route. */
          always: z.array(z.string()).default([]),
        })
        .strict(),
    ])
    .optional(),
  filters: z
    .object({ include: matchRules.optional(), exclude: matchRules.optional() })
    .strict()
    .optional(),
  links: z
    .object({
      /** @defaultValue 'none' */
      shorten: z.enum(['none', 'builtin', 'http']).default('none'),
      /** Extra query parameters to strip, on top of the builtin tracking list. */
      stripParams: z.array(z.string()).default([]),
      /** The external shortener (Shlink, YOURLS, …) used when `shorten: http`. */
      http: z
        .object({
          /** Endpoint; `{url}` in it is replaced by the percent-encoded long URL. */
          url: httpUrl,
          /** @defaultValue 'POST' */
          method: z.enum(['GET', 'POST']).optional(),
          /** POST body; `{url}` is replaced by the long URL. @defaultValue '{"longUrl":"{url}"}' */
          bodyTemplate: z.string().optional(),
          /** Dot path to the short URL in a JSON answer (`shortUrl`); else the whole body. */
          responsePath: z.string().optional(),
          /** Extra request headers such as API keys; never logged. */
          headers: z.record(z.string(), z.string()).optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((links) => links.shorten !== 'http' || links.http !== undefined, {
      message: 'shorten: http needs links.http with at least a url',
      path: ['http'],
    })
    .optional(),
  /** `neutralize` (default) keeps `@user@domain` from notifying anyone; `keep` leaves it. */
  mentions: z.enum(['neutralize', 'keep']).optional(),
  /** Attach media from the item. `false` to never attach. */
  media: z
    .union([z.boolean(), z.object({ max: z.number().int().min(0).max(4) }).strict()])
    .optional(),
};

const routeOptions = z.object(routeOptionsShape);

const routeTarget = z.union([
  z.string().min(1),
  z.object({ account: z.string().min(1), ...routeOptionsShape }).strict(),
]);

export const accountSchema = z
  .object({
    instance: httpUrl.optional(),
    token: z.string().min(1).optional(),
    /** Posts nothing: logs what it would post. Needs no token. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const feedSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
    url: httpUrl,
    every: positiveDuration.default('10m'),
    /** Newest items posted on the first poll. @defaultValue 0 */
    backfill: z.number().int().min(0).default(0),
    to: z.array(routeTarget).min(1),
    ...routeOptionsShape,
  })
  .strict();

export const githubRepoSchema = z
  .object({
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name'),
    events: z.array(z.string().min(1)).min(1).default(['release']),
    to: z.array(routeTarget).min(1),
    ...routeOptionsShape,
  })
  .strict();

export const configSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(3000),
        publicUrl: httpUrl.optional(),
        /** Bearer token for `/admin`; without it the admin surface is closed. */
        adminToken: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    redis: z
      .object({
        url: z
          .string()
          .refine(
            (s) => /^rediss?:\/\/./i.test(s) || s.startsWith('/'),
            'expected a redis:// or rediss:// URL (or a socket path)',
          )
          .default('redis://127.0.0.1:6379'),
        prefix: z
          .string()
          .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
          .default('herald'),
      })
      .strict()
      .prefault({}),
    accounts: z.record(
      z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ - only'),
      accountSchema,
    ),
    feeds: z.array(feedSchema).default([]),
    github: z
      .object({
        secret: z.string().min(1).optional(),
        secrets: z.array(z.string().min(1)).optional(),
        repos: z.array(githubRepoSchema).default([]),
      })
      .strict()
      .optional(),
    /** Queue tuning; tests shorten these so crash-recovery runs in seconds. */
    workers: z
      .object({
        lockDuration: positiveDuration.default('30s'),
        stalledInterval: positiveDuration.default('30s'),
        /** Attempts for a transient failure before the job lands in the failed list. @defaultValue 20 */
        attempts: z.number().int().min(1).default(20),
        /** First wait between attempts; it doubles each time. @defaultValue '5s' */
        backoff: duration.default('5s'),
        /** Longest wait between attempts: 20 attempts from 5s capped at 15m span about 3 hours. @defaultValue '15m' */
        maxBackoff: positiveDuration.default('15m'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type HeraldConfig = z.infer<typeof configSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;
export type FeedConfig = z.infer<typeof feedSchema>;
export type GithubRepoConfig = z.infer<typeof githubRepoSchema>;
export type RouteOptions = z.infer<typeof routeOptions>;
