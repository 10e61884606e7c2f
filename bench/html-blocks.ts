// Splits an HTML body into its top-level blocks, so the corpus can build longer bodies out of
// a real generator's own paragraphs, figures and lists. Good enough for the fixtures (which it
// is only used on): it counts open and close tags and knows the void elements.

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

// A start or end tag; quoted attribute values may contain `>`. Comments do not match.
const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;

/**
 * The top-level blocks of `html`, in order; joined they give `html` back. Comments and
 * whitespace between blocks stay with the block that follows them.
 */
export function topLevelBlocks(html: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of html.matchAll(TAG)) {
    const [tag, closing, name = '', selfClosing] = match;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID_ELEMENTS.has(name.toLowerCase())) depth++;
    if (depth === 0) {
      const end = match.index + tag.length;
      blocks.push(html.slice(start, end));
      start = end;
    }
  }
  const rest = html.slice(start);
  if (blocks.length === 0) return [html];
  blocks[blocks.length - 1] += rest;
  return blocks;
}
