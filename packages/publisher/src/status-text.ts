const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Mastodon's rendered `content` back to roughly the text that was posted: paragraphs become
 * blank lines, `<br>` newlines, tags vanish (a link's hidden `https://` and ellipsis spans
 * keep their text, so URLs come back whole), entities are decoded. Only a fallback for
 * servers without `GET /api/v1/statuses/:id/source`; it is compared whitespace-insensitively.
 */
export function contentToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number(name.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Collapses all whitespace, for comparing texts that went through HTML. */
export const looseText = (text: string) => text.replace(/\s+/g, ' ').trim();
