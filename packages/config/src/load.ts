import { readFile } from 'node:fs/promises';
import {
  applyEnvOverrides,
  applyOverrides,
  type ConfigOverrides,
  type Origins,
} from './overrides.ts';
import { ConfigError } from './problems.ts';
import { readYaml } from './read-yaml.ts';
import type { HeraldConfig } from './schema.ts';
import { coerceSubstituted, type LoadResult, placeReadProblem, validateRaw } from './validate.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface ParseConfigTextOptions {
  /** Read for `${VAR}` substitution and the `HERALD_PORT` / `HERALD_REDIS_URL` overrides. */
  env: Env;
  /** Named in the result and in messages. */
  file: string;
  /** Laid over the file after the environment overrides. */
  overrides?: ConfigOverrides | undefined;
}

/** Parses and validates config text: YAML, `${VAR}` substitution, overrides, schema, cross-checks. */
export function parseConfigText(text: string, options: ParseConfigTextOptions): LoadResult {
  const { env, file } = options;
  const reading = readYaml(text, env);
  if (reading.value === undefined) {
    return { ok: false, file, problems: reading.problems.map(placeReadProblem) };
  }
  if (reading.value === null) {
    return {
      ok: false,
      file,
      problems: [{ path: '', message: 'the file has no settings (see herald.example.yaml)' }],
    };
  }
  const raw = reading.value;
  coerceSubstituted(raw, reading.substituted);
  const origins: Origins = new Map();
  const located = applyEnvOverrides(raw, env, origins);
  if (options.overrides) applyOverrides(raw, options.overrides, origins);
  return validateRaw(raw, {
    file,
    positions: reading.positions,
    substituted: reading.substituted,
    readProblems: reading.problems,
    located,
    origins,
  });
}

/**
 * Validates a config given as an object (for tests and tools that build config in code).
 * No substitution and no environment: the object is taken as written, defaults filled in.
 */
export function parseConfigObject(
  value: unknown,
  options: { file?: string; overrides?: ConfigOverrides } = {},
): LoadResult {
  const raw = structuredClone(value);
  const origins: Origins = new Map();
  if (options.overrides) applyOverrides(raw, options.overrides, origins);
  return validateRaw(raw, { file: options.file ?? '<object>', origins });
}

export interface LoadConfigOptions {
  /** The file to read (see `resolveConfigPath`). */
  path: string;
  env: Env;
  overrides?: ConfigOverrides | undefined;
}

/** Reads and validates a config file; a missing or unreadable file is a problem, not a throw. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadResult> {
  const { path: file } = options;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, file, problems: [{ path: '', message: unreadable(error) }] };
  }
  return parseConfigText(text, { env: options.env, file, overrides: options.overrides });
}

/** The config of a successful result; otherwise throws a `ConfigError` with every problem. */
export function unwrapConfig(result: LoadResult): Readonly<HeraldConfig> {
  if (!result.ok) throw new ConfigError(result.file, result.problems);
  return result.config;
}

/** `loadConfig` for entry points: the frozen config, or a `ConfigError` (`HERALD_CONFIG_INVALID`). */
export async function loadConfigOrThrow(
  options: LoadConfigOptions,
): Promise<Readonly<HeraldConfig>> {
  return unwrapConfig(await loadConfig(options));
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return 'no such file (pass --config <file>, set HERALD_CONFIG, or copy herald.example.yaml to herald.yaml)';
  }
  if (code === 'EISDIR') return 'is a directory, not a config file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read the file: permission denied';
  return `cannot read the file (${code ?? 'unknown error'})`;
}
