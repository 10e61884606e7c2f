import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import { formatPath, type PathSegments } from './problems.ts';
import { substituteVariables } from './substitute.ts';

/** A 1-based place in the file. */
export interface Position {
  line: number;
  column: number;
}

/** A problem found while reading, before the schema sees the value. */
export interface ReadProblem {
  segments: PathSegments;
  message: string;
  position?: Position | undefined;
  /** The value at `segments` is unusable: other problems there are consequences, not news. */
  masksPath?: boolean;
}

/** A string value that had `${…}` references replaced. */
export interface SubstitutedLeaf {
  segments: PathSegments;
  /** Variables whose environment value went in: the value must never be printed. */
  fromEnv: string[];
}

/** The YAML file as a plain value, plus what validation needs to explain itself. */
export interface YamlReading {
  /** Undefined when the text is not well-formed YAML (see `problems`). */
  value: unknown;
  /** Where each path (`formatPath`) sits in the file. */
  positions: Map<string, Position>;
  substituted: SubstitutedLeaf[];
  problems: ReadProblem[];
}

type Env = Readonly<Record<string, string | undefined>>;
type YamlNode = Node;

// Aliases can expand a small file into a huge value; a config never needs this many nodes.
const MAX_NODES = 100_000;

/**
 * Parses YAML and converts it to a plain value, substituting `${VAR}` into string scalars only
 * (never keys, never YAML syntax), so every position stays that of the original text. A mapping
 * entry with an empty value (`key:` or `key: ~`) counts as not set.
 */
export function readYaml(text: string, env: Env): YamlReading {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  };
  const reading: YamlReading = {
    value: undefined,
    positions: new Map(),
    substituted: [],
    problems: [],
  };

  if (doc.errors.length > 0) {
    const lines = text.split('\n');
    for (const error of doc.errors) {
      const position = at(error.pos[0]);
      const line = position ? (lines[position.line - 1] ?? '') : '';
      reading.problems.push({
        segments: [],
        message: syntaxMessage(error.message, line),
        position,
      });
    }
    return reading;
  }

  let visited = 0;
  const active = new Set<YamlNode>();

  const convert = (node: YamlNode | null, segments: PathSegments): unknown => {
    if (node === null) return null;
    if (++visited > MAX_NODES) throw new TooLarge();
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target || active.has(target)) {
        reading.problems.push({
          segments,
          message: 'alias refers to an unknown or enclosing anchor',
          position: at(node.range?.[0]),
          masksPath: true,
        });
        return null;
      }
      return convert(target, segments);
    }
    active.add(node);
    try {
      if (isMap(node)) return convertMap(node as YAMLMap, segments);
      if (isSeq(node)) {
        return node.items.map((item, index) => {
          const itemPath = [...segments, index];
          const start = (item as YamlNode | null)?.range?.[0];
          if (start !== undefined) reading.positions.set(formatPath(itemPath), at(start)!);
          return convert(item as YamlNode | null, itemPath);
        });
      }
      return convertScalar(node, segments);
    } finally {
      active.delete(node);
    }
  };

  const convertMap = (node: YAMLMap, segments: PathSegments) => {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      if (!isScalar(key) || (typeof key.value === 'object' && key.value !== null)) {
        reading.problems.push({
          segments,
          message: 'mapping keys must be plain text',
          position: at(key?.range?.[0] ?? node.range?.[0]),
        });
        continue;
      }
      const name = String(key.value ?? '');
      const path = [...segments, name];
      // A scalar value points at itself (`every: 10x` → the `10x`); a block points at its key.
      const start = isScalar(value) && value.value !== null ? value.range?.[0] : key.range?.[0];
      const position = at(start ?? key.range?.[0]);
      if (position) reading.positions.set(formatPath(path), position);
      const converted = convert(value, path);
      if (converted === null || converted === undefined) continue;
      // defineProperty: a `__proto__` key must stay data, not become a prototype.
      Object.defineProperty(out, name, {
        value: converted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  const convertScalar = (node: YamlNode, segments: PathSegments): unknown => {
    const value = (node as { value: unknown }).value;
    if (typeof value !== 'string') return value;
    const result = substituteVariables(value, env);
    const position = at(node.range?.[0]);
    if (result.malformed) {
      reading.problems.push({
        segments,
        message: `value ${result.malformed}`,
        position,
        masksPath: true,
      });
    }
    if (result.missing.length > 0) {
      const names = result.missing.join(', ');
      const first = result.missing[0]!;
      reading.problems.push({
        segments,
        message:
          result.missing.length === 1
            ? `environment variable ${names} is not set (or give a default: \${${first}:-…})`
            : `environment variables ${names} are not set`,
        position,
        masksPath: true,
      });
    }
    if (result.substituted) reading.substituted.push({ segments, fromEnv: result.fromEnv });
    // `publicUrl: ${PUBLIC_URL:-}` with nothing set means "not set", like an empty value.
    return result.substituted && result.value === '' ? null : result.value;
  };

  try {
    const root = doc.contents;
    if (root?.range) reading.positions.set('', at(root.range[0])!);
    reading.value = convert(root, []);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    reading.value = undefined;
    reading.problems.push({ segments: [], message: `more than ${MAX_NODES} values after aliases` });
  }
  return reading;
}

class TooLarge extends Error {
  override name = 'TooLarge';
}

/**
 * yaml's messages may end with an excerpt of the source (`…: "abc"`), which could be a
 * secret written in the file: keep only the part before it. Adds the usual cause when the
 * line holds a `${…}` reference, whose braces YAML reads as a flow mapping inside `{ }`/`[ ]`.
 */
function syntaxMessage(message: string, line: string): string {
  const bare = message.split(': ')[0]!;
  return line.includes('${') ? `${bare} (inside [ ] or { }, quote values that use \${…})` : bare;
}
