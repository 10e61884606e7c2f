import type { Segment } from '../fit/index.ts';

/** Field values by name (`title`, `release.tag`); undefined and '' both count as empty. */
export type TemplateFields = Readonly<Record<string, string | undefined>>;

export interface RenderedTemplate {
  segments: Segment[];
  /** Unknown fields, e.g. `unknown field {relase.tag}`; they render as empty. */
  warnings: string[];
}

const FIELD = /^[A-Za-z_][\w.-]*$/;

type Part = { kind: 'literal'; text: string } | { kind: 'field'; name: string };

/**
 * Renders a post template into segments for `fitToLimit`. `{title}`, `{summary}` and
 * `{content}` become shrinkable body segments, `{link}` a link segment, `{hashtags}` a hashtags
 * segment, and literal text is kept whole. Other fields (`{author}`, `{feed.title}`,
 * `{release.tag}`) are shrinkable body text too, so a long event field can never make a post
 * impossible, except those whose value is one URL: a cut URL is broken, so they are links. Values are inserted as they are (plain text, never HTML-escaped). `{{` and `}}` write
 * a literal brace; a `{…}` that is not a field name stays literal text. A line whose fields are
 * all empty and that has nothing else disappears, and blank lines never pile up.
 */
export function renderTemplate(template: string, fields: TemplateFields): RenderedTemplate {
  const warnings: string[] = [];
  const kept: Segment[][] = [];
  for (const line of splitLines(parse(template))) {
    for (const part of line) {
      if (part.kind === 'field' && !(part.name in fields)) {
        const warning = `unknown field {${part.name}}`;
        if (!warnings.includes(warning)) warnings.push(warning);
      }
    }
    const hasField = line.some((p) => p.kind === 'field');
    const segments = renderLine(line, fields);
    const blank = segments.every((s) => s.text.trim() === '');
    if (blank && hasField) continue; // a line that only held empty fields
    if (blank && (kept.length === 0 || isBlank(kept[kept.length - 1]!))) continue;
    kept.push(segments);
  }
  while (kept.length > 0 && isBlank(kept[kept.length - 1]!)) kept.pop();

  const segments: Segment[] = [];
  kept.forEach((line, index) => {
    if (index > 0) push(segments, { text: '\n', shrink: false, kind: 'literal' });
    for (const segment of line) push(segments, segment);
  });
  return { segments, warnings };
}

/** The field names a template refers to, in order of first use. */
export function templateFields(template: string): string[] {
  const names: string[] = [];
  for (const part of parse(template)) {
    if (part.kind === 'field' && !names.includes(part.name)) names.push(part.name);
  }
  return names;
}

/**
 * One line's segments. An empty field takes the space around it along: `{a} {b} {c}` with an
 * empty `b` reads `a c`, and `Read: {link}` with no link reads `Read:`.
 */
function renderLine(line: Part[], fields: TemplateFields): Segment[] {
  const out: Segment[] = [];
  let dropped = false;
  for (const part of line) {
    const segment = toSegment(part, fields);
    if (part.kind === 'field' && segment.text === '') {
      dropped = true;
      continue;
    }
    if (dropped && part.kind === 'literal') {
      const previous = out[out.length - 1];
      if (previous === undefined || /\s$/.test(previous.text)) {
        segment.text = segment.text.replace(/^\s+/, '');
      }
    }
    dropped = false;
    if (segment.text !== '') out.push(segment);
  }
  const last = out[out.length - 1];
  if (dropped && last?.kind === 'literal') {
    last.text = last.text.trimEnd();
    if (last.text === '') out.pop();
  }
  return out;
}

function toSegment(part: Part, fields: TemplateFields): Segment {
  if (part.kind === 'literal') return { text: part.text, shrink: false, kind: 'literal' };
  const text = fields[part.name] ?? '';
  if (part.name === 'link') return { text, shrink: false, kind: 'link' };
  if (part.name === 'hashtags') return { text, shrink: false, kind: 'hashtags' };
  if (/^https?:\/\/\S+$/i.test(text)) return { text, shrink: false, kind: 'link' };
  return { text, shrink: true, kind: 'body' };
}

/** Appends, merging adjacent literal segments and skipping empty ones. */
function push(segments: Segment[], segment: Segment) {
  if (segment.text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.kind === 'literal' && segment.kind === 'literal') last.text += segment.text;
  else segments.push({ ...segment });
}

function isBlank(line: Segment[]): boolean {
  return line.every((s) => s.text.trim() === '');
}

function parse(template: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    const next = template[i + 1];
    if ((ch === '{' && next === '{') || (ch === '}' && next === '}')) {
      literal += ch;
      i++;
      continue;
    }
    if (ch === '{') {
      const close = template.indexOf('}', i + 1);
      const name = close < 0 ? '' : template.slice(i + 1, close).trim();
      if (FIELD.test(name)) {
        if (literal !== '') parts.push({ kind: 'literal', text: literal });
        literal = '';
        parts.push({ kind: 'field', name });
        i = close;
        continue;
      }
    }
    literal += ch;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return parts;
}

/** Splits parts into lines at the newlines of literal text (values keep their own). */
function splitLines(parts: Part[]): Part[][] {
  const lines: Part[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'field') {
      lines[lines.length - 1]!.push(part);
      continue;
    }
    part.text.split(/\r\n?|\n/).forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]!.push({ kind: 'literal', text: piece });
    });
  }
  return lines;
}
