/**
 * Accessors for xml2js output (what rss-parser hands back for custom fields): an element is
 * a string, or an object with `_` (text), `$` (attributes) and arrays of child elements.
 */
export type XmlRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is XmlRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element: a plain string, or `_` of an element with attributes. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value._ === 'string') return value._;
  return undefined;
}

export function attrsOf(value: unknown): Record<string, string> {
  if (!isRecord(value) || !isRecord(value.$)) return {};
  const attrs: Record<string, string> = {};
  for (const [name, attr] of Object.entries(value.$))
    if (typeof attr === 'string') attrs[name] = attr;
  return attrs;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Child elements named `name` (xml2js keeps every child as an array). */
export function childrenOf(value: unknown, name: string): unknown[] {
  return isRecord(value) ? asArray(value[name]) : [];
}

/** Trimmed text of the first child named `name`, if it has any. */
export function childText(value: unknown, name: string): string | undefined {
  const text = textOf(childrenOf(value, name)[0])?.trim();
  return text ? text : undefined;
}

export function stringField(record: XmlRecord, name: string): string | undefined {
  const value = textOf(record[name])?.trim();
  return value ? value : undefined;
}
