import { crossCheck } from './cross-checks.ts';
import { deepFreeze } from './deep-freeze.ts';
import { describeIssues, type PathProblem, valueAt } from './issues.ts';
import type { Origins } from './overrides.ts';
import { type ConfigProblem, formatPath, type PathSegments } from './problems.ts';
import type { Position, ReadProblem, SubstitutedLeaf } from './read-yaml.ts';
import { configSchema, type HeraldConfig } from './schema.ts';
import { typesAt } from './schema-walk.ts';

export type LoadResult =
  | { ok: true; config: Readonly<HeraldConfig>; file: string }
  | { ok: false; file: string; problems: ConfigProblem[] };

/** What is known about where the raw value came from, to place and word each problem. */
export interface Provenance {
  file: string;
  positions?: Map<string, Position>;
  substituted?: SubstitutedLeaf[];
  /** Problems found before validation (YAML, `${…}`); other problems on their paths are noise. */
  readProblems?: ReadProblem[];
  /** Problems already located (environment overrides). */
  located?: ConfigProblem[];
  origins?: Origins;
}

/**
 * A `${VAR}` value is text, even where the schema wants a number or a boolean
 * (`port: ${PORT:-3000}`): such values are converted when the schema takes no text there.
 */
export function coerceSubstituted(raw: unknown, leaves: readonly SubstitutedLeaf[]): void {
  for (const { segments } of leaves) {
    const value = valueAt(raw, segments);
    if (typeof value !== 'string' || segments.length === 0) continue;
    const types = typesAt(configSchema, segments);
    if (types.has('string') || types.has('enum') || types.has('literal')) continue;
    const text = value.trim();
    let coerced: number | boolean | undefined;
    if (types.has('number') && /^-?\d+(\.\d+)?$/.test(text)) coerced = Number(text);
    else if (types.has('boolean') && /^(true|false)$/i.test(text)) {
      coerced = text.toLowerCase() === 'true';
    }
    if (coerced === undefined) continue;
    const parent = valueAt(raw, segments.slice(0, -1)) as Record<string | number, unknown>;
    parent[segments.at(-1)!] = coerced;
  }
}

/** Validates a raw value (schema + cross-checks) and explains every problem found. */
export function validateRaw(raw: unknown, provenance: Provenance): LoadResult {
  const { file } = provenance;
  const parsed = configSchema.safeParse(raw);
  const found: PathProblem[] = [
    ...(parsed.success
      ? []
      : describeIssues(parsed.error.issues, { input: raw, schema: configSchema })),
    ...crossCheck(raw, (segments, value) => quote(provenance, segments, value)),
  ];
  const readProblems = provenance.readProblems ?? [];
  const noisy = readProblems.filter((p) => p.masksPath).map((p) => formatPath(p.segments));
  const problems: ConfigProblem[] = [
    ...(provenance.located ?? []),
    ...readProblems.map(placeReadProblem),
    ...found
      .filter((p) => !noisy.some((path) => isWithin(formatPath(p.segments), path)))
      .map((p) => locate(provenance, p)),
  ];
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, file, problems: sortProblems(dedupe(problems)) };
  }
  return { ok: true, file, config: deepFreeze(parsed.data) };
}

/** A problem found while reading YAML, with its place in the file. */
export function placeReadProblem(problem: ReadProblem): ConfigProblem {
  return place(problem.segments, problem.message, problem.position);
}

function place(segments: PathSegments, message: string, position?: Position): ConfigProblem {
  const problem: ConfigProblem = { path: formatPath(segments), message };
  if (position) {
    problem.line = position.line;
    problem.column = position.column;
  }
  return problem;
}

/** Gives a problem the line of its path (or of its nearest ancestor in the file), and a note. */
function locate(provenance: Provenance, problem: PathProblem): ConfigProblem {
  const { segments } = problem;
  const path = formatPath(segments);
  const origin = originOf(provenance, segments);
  if (origin) return { path, message: `${problem.message} (set by ${origin})` };
  const leaf = provenance.substituted?.find((l) => formatPath(l.segments) === path);
  const variables = (leaf?.fromEnv ?? []).map((name) => `$${name}`);
  // Name the variables the value came from, unless the message already does.
  const note =
    variables.length > 0 && !variables.every((v) => problem.message.includes(v))
      ? ` (value from ${variables.join(', ')})`
      : '';
  for (let n = segments.length; n >= 0; n--) {
    const position = provenance.positions?.get(formatPath(segments.slice(0, n)));
    if (position) return place(segments, problem.message + note, position);
  }
  return { path, message: problem.message + note };
}

function originOf(provenance: Provenance, segments: PathSegments): string | undefined {
  for (let n = segments.length; n > 0; n--) {
    const origin = provenance.origins?.get(formatPath(segments.slice(0, n)));
    if (origin) return origin;
  }
  return undefined;
}

/** How a message shows a value: quoted, unless any of it came from the environment. */
function quote(provenance: Provenance, segments: PathSegments, value: string): string {
  const path = formatPath(segments);
  const leaf = provenance.substituted?.find((l) => formatPath(l.segments) === path);
  if (leaf && leaf.fromEnv.length > 0) {
    return `<value of ${leaf.fromEnv.map((name) => `$${name}`).join(', ')}>`;
  }
  const origin = originOf(provenance, segments);
  if (origin) return `<value from ${origin}>`;
  return JSON.stringify(value);
}

/** `feeds[0].to` is within `feeds[0]`, not within `feeds[0].t`. */
function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  if (!path.startsWith(ancestor)) return false;
  const next = path[ancestor.length];
  return next === undefined || next === '.' || next === '[';
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** File order; problems without a line (environment, the file as a whole) first. */
function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
