import { HeraldError } from '@herald/core';

/** One thing wrong with a config file, located as precisely as the source allows. */
export interface ConfigProblem {
  /** Where in the config, e.g. `feeds[0].every`; empty for the file as a whole. */
  path: string;
  /** 1-based line in the file, when the problem comes from a place in it. */
  line?: number;
  /** 1-based column, with `line`. */
  column?: number;
  message: string;
}

/** A path as zod and our walkers produce it. */
export type PathSegments = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['feeds', 0, 'to', 1]` → `feeds[0].to[1]`; odd keys are quoted: `accounts["a b"]`. */
export function formatPath(segments: PathSegments): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `<file>:<line>: <path>: <message>`, leaving out the parts a problem does not have. */
export function formatProblem(file: string, problem: ConfigProblem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return problem.path
    ? `${where}: ${problem.path}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** Thrown by entry points when the config does not validate; carries every problem. */
export class ConfigError extends HeraldError {
  override name = 'ConfigError';
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => formatProblem(file, p));
    super(`invalid configuration (${problems.length} problem(s)):\n${lines.join('\n')}`, {
      code: 'HERALD_CONFIG_INVALID',
      kind: 'permanent',
    });
    this.file = file;
    this.problems = problems;
  }
}
