import type { z } from 'zod';
import type { ConfigProblem, PathSegments } from './problems.ts';
import { formatPath } from './problems.ts';
import type { configSchema } from './schema.ts';

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Values laid over the file before validation (a seam for tests and command-line flags). */
export type ConfigOverrides = DeepPartial<z.input<typeof configSchema>>;

type Env = Readonly<Record<string, string | undefined>>;
type Loose = Record<string, unknown>;

/** Where values not from the file came from: path → `HERALD_PORT`, `overrides`, … */
export type Origins = Map<string, string>;

const isRecord = (value: unknown): value is Loose =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Sets a value at a path, creating mappings on the way; false when something else is in the way. */
function setAt(root: Loose, segments: readonly string[], value: unknown): boolean {
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    if (current[segment] === undefined) current[segment] = {};
    const next = current[segment];
    if (!isRecord(next)) return false;
    current = next;
  }
  current[segments.at(-1)!] = value;
  return true;
}

const PORT = /^\d{1,5}$/;

/**
 * `HERALD_PORT` → server.port and `HERALD_REDIS_URL` → redis.url, so one image runs anywhere.
 * Empty values count as unset. Problems name the variable and never repeat its value.
 */
export function applyEnvOverrides(raw: unknown, env: Env, origins: Origins): ConfigProblem[] {
  if (!isRecord(raw)) return [];
  const problems: ConfigProblem[] = [];
  const port = env.HERALD_PORT;
  if (port) {
    if (PORT.test(port.trim()) && Number(port) <= 65535) {
      if (setAt(raw, ['server', 'port'], Number(port))) origins.set('server.port', 'HERALD_PORT');
    } else {
      problems.push({
        path: 'server.port',
        message: 'HERALD_PORT must be a port number from 0 to 65535',
      });
    }
  }
  const redisUrl = env.HERALD_REDIS_URL;
  if (redisUrl && setAt(raw, ['redis', 'url'], redisUrl)) {
    origins.set('redis.url', 'HERALD_REDIS_URL');
  }
  return problems;
}

/** Lays `overrides` over `raw`: mappings merge, anything else replaces. */
export function applyOverrides(raw: unknown, overrides: ConfigOverrides, origins: Origins): void {
  if (!isRecord(raw)) return;
  const merge = (target: Loose, source: Loose, segments: PathSegments) => {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      const path = [...segments, key];
      const existing = target[key];
      if (isRecord(value) && isRecord(existing)) {
        merge(existing, value, path);
      } else {
        target[key] = structuredClone(value);
        origins.set(formatPath(path), 'overrides');
      }
    }
  };
  merge(raw, overrides as Loose, []);
}
