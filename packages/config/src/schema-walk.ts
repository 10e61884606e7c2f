import type { z } from 'zod';
import type { PathSegments } from './problems.ts';

// Reads a zod schema's structure (`_zod.def`) to answer "what is expected at this path?",
// which coercion and "did you mean" suggestions need. Only the kinds the config schema uses
// are followed; anything else is treated as a leaf.

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly']);

/** The concrete schemas behind wrappers and unions. */
function concrete(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return concrete(def.innerType);
  if (def.type === 'pipe' && def.in) return concrete(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(concrete);
  return [schema];
}

/** Every concrete schema that could apply at `segments`. */
export function schemasAt(root: z.ZodType, segments: PathSegments): z.ZodType[] {
  let current = concrete(root);
  for (const segment of segments) {
    current = current.flatMap((schema) => {
      const def = defOf(schema);
      if (def.type === 'object' && typeof segment === 'string' && def.shape) {
        const child = def.shape[segment];
        return child ? concrete(child) : [];
      }
      if (def.type === 'record' && def.valueType) return concrete(def.valueType);
      if (def.type === 'array' && typeof segment === 'number' && def.element) {
        return concrete(def.element);
      }
      return [];
    });
  }
  return current;
}

/** The base types (`string`, `number`, `boolean`, `object`, …) accepted at `segments`. */
export function typesAt(root: z.ZodType, segments: PathSegments): Set<string> {
  return new Set(schemasAt(root, segments).map((schema) => defOf(schema).type));
}

/** The keys an object at `segments` may have. */
export function keysAt(root: z.ZodType, segments: PathSegments): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAt(root, segments)) {
    for (const key of Object.keys(defOf(schema).shape ?? {})) keys.add(key);
  }
  return [...keys];
}
