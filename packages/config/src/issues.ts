import type { z } from 'zod';
import type { PathSegments } from './problems.ts';
import { keysAt } from './schema-walk.ts';

/** A problem at a path, before it is given its place in the file. */
export interface PathProblem {
  segments: PathSegments;
  message: string;
}

type Issue = z.core.$ZodIssue;

interface Context {
  /** The value that was validated: messages describe what was found, never echo it. */
  input: unknown;
  schema: z.ZodType;
}

/**
 * Turns zod issues into short messages in YAML's terms. Messages name types and allowed
 * values only; they never repeat the input, so no secret can leak through them.
 */
export function describeIssues(issues: readonly Issue[], context: Context): PathProblem[] {
  return issues.flatMap((issue) => describe(issue, [], context));
}

function describe(issue: Issue, prefix: PathSegments, context: Context): PathProblem[] {
  const segments = [...prefix, ...(issue.path as PathSegments)];
  const at = (message: string): PathProblem[] => [{ segments, message }];
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(context.input, segments);
      if (found === undefined) return at('required');
      return at(`expected ${typeName(issue.expected)}, got ${kindOf(found)}`);
    }
    case 'invalid_union':
      return describeUnion(issue, segments, context);
    case 'invalid_value':
      return at(`expected one of: ${issue.values.map(String).join(', ')}`);
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        segments: [...segments, key],
        message: unknownKey(key, keysAt(context.schema, segments)),
      }));
    case 'invalid_key': {
      const reasons = issue.issues.map((inner) => inner.message).join('; ');
      return at(`invalid name: ${reasons}`);
    }
    case 'too_small':
      return at(bound(issue.origin, 'at least', issue.minimum, issue.inclusive));
    case 'too_big':
      return at(bound(issue.origin, 'at most', issue.maximum, issue.inclusive));
    case 'invalid_format':
      return at(issue.message.startsWith('Invalid') ? `invalid ${issue.format}` : issue.message);
    default:
      return at(issue.message);
  }
}

/**
 * A union fails in every branch. When the value has the type of exactly one branch (say a
 * mapping where "text or a mapping" is allowed), that branch's issues are the useful ones.
 */
function describeUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  segments: PathSegments,
  context: Context,
): PathProblem[] {
  const isTypeMismatch = (inner: Issue): inner is Extract<Issue, { code: 'invalid_type' }> =>
    inner.code === 'invalid_type' && inner.path.length === 0;
  const matching = issue.errors.filter((branch) => !branch.every(isTypeMismatch));
  if (matching.length === 1) {
    return matching[0]!.flatMap((inner) => describe(inner, segments, context));
  }
  const expected = new Set(
    issue.errors.flat().flatMap((inner) => (isTypeMismatch(inner) ? [inner.expected] : [])),
  );
  const found = valueAt(context.input, segments);
  if (found === undefined) return [{ segments, message: 'required' }];
  const names = [...expected].map((name) => typeName(String(name)));
  const message =
    names.length > 0
      ? `expected ${names.join(' or ')}, got ${kindOf(found)}`
      : 'does not match any allowed form (see docs/configuration.md)';
  return [{ segments, message }];
}

function bound(origin: string, side: string, limit: unknown, inclusive = true): string {
  const n = Number(limit);
  if (origin === 'array') return `needs ${side} ${n} item${n === 1 ? '' : 's'}`;
  if (origin === 'string') {
    return side === 'at least' && n === 1 ? 'must not be empty' : `needs ${side} ${n} characters`;
  }
  if (!inclusive) return `must be ${side === 'at least' ? 'greater' : 'less'} than ${n}`;
  return `must be ${side} ${n}`;
}

function unknownKey(key: string, known: string[]): string {
  const close = known
    .map((candidate) => ({ candidate, distance: editDistance(key, candidate) }))
    .filter(({ candidate, distance }) => distance <= Math.max(1, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return `unknown key (did you mean "${close.candidate}"?)`;
  if (known.length > 0 && known.length <= 8) return `unknown key (expected: ${known.join(', ')})`;
  return 'unknown key (see docs/configuration.md)';
}

function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = row;
  }
  return previous[y.length]!;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** What kind of value was found, in the words of `typeName` (never the value itself). */
export function kindOf(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return typeof value;
}

/** The value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: PathSegments): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
