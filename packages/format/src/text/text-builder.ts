/**
 * Accumulates plain text from a stream of HTML events. Block structure arrives as break
 * requests that are only written when more text follows, so empty elements and trailing
 * blocks leave nothing behind; the final pass normalises whitespace.
 */
export interface TextBuilder {
  /** Appends inline text (already decoded). `pre` keeps its line breaks. */
  text(chunk: string, pre?: boolean): void;
  /** A hard line break (`<br>`). */
  lineBreak(): void;
  /** Asks for a line break (1) or a paragraph break (2) before the next text. */
  requestBreak(level: 1 | 2): void;
  /** A string written at the start of the next line that gets text (a list bullet). */
  setItemPrefix(prefix: string): void;
  /** A separator written before the next text if it lands on the same line (table cells). */
  setSeparator(separator: string): void;
  /** Current length, as an offset for `replaceFrom`. */
  readonly length: number;
  /** Offset at which the next `text` call starts writing, resolved when it happens. */
  onNextWrite(callback: (offset: number) => void): void;
  /** Replaces everything from `offset` on (a link's text replaced by its URL). */
  replaceFrom(offset: number, replacement: string): void;
  /** Appends without flushing pending breaks (the ` (url)` after a link's text). */
  appendInline(suffix: string): void;
  finish(): string;
}

export interface TextBuilderOptions {
  /** How many blockquotes enclose the current position; each adds a `>` to new lines. */
  quoteDepth: () => number;
}

const LEADING_SPACE = /^\s+/;

export function createTextBuilder(options: TextBuilderOptions): TextBuilder {
  let out = '';
  let atLineStart = true;
  let pendingBreak = 0;
  let itemPrefix = '';
  let separator = '';
  let writeListeners: ((offset: number) => void)[] = [];

  const quotePrefix = () => {
    const depth = options.quoteDepth();
    return depth > 0 ? `${'>'.repeat(depth)} ` : '';
  };

  const startLine = () => {
    out += quotePrefix() + itemPrefix;
    itemPrefix = '';
    atLineStart = false;
  };

  return {
    text(chunk, pre = false) {
      let value = chunk;
      if (pendingBreak > 0 || atLineStart) {
        value = value.replace(LEADING_SPACE, '');
        if (value === '') return;
      }
      if (pendingBreak > 0) {
        if (out !== '') {
          out += '\n'.repeat(pendingBreak);
          atLineStart = true;
        }
        pendingBreak = 0;
      }
      if (atLineStart) startLine();
      else if (separator !== '') out += separator;
      separator = '';
      for (const listener of writeListeners) listener(out.length);
      writeListeners = [];
      if (pre && value.includes('\n')) {
        const [first, ...rest] = value.split('\n');
        out += first;
        for (const line of rest) out += line === '' ? '\n' : `\n${quotePrefix()}${line}`;
      } else {
        out += value;
      }
    },
    lineBreak() {
      if (out === '') return;
      if (pendingBreak > 0) {
        // A <br> right after a block boundary adds to that boundary instead of doubling it.
        pendingBreak = Math.min(2, pendingBreak + 1);
        return;
      }
      out += '\n';
      atLineStart = true;
    },
    requestBreak(level) {
      pendingBreak = Math.max(pendingBreak, level);
      separator = '';
    },
    setItemPrefix(prefix) {
      itemPrefix = prefix;
    },
    setSeparator(value) {
      if (!atLineStart && pendingBreak === 0) separator = value;
    },
    get length() {
      return out.length;
    },
    onNextWrite(callback) {
      writeListeners.push(callback);
    },
    replaceFrom(offset, replacement) {
      out = out.slice(0, offset) + replacement;
      atLineStart = false;
    },
    appendInline(suffix) {
      out += suffix;
      atLineStart = false;
    },
    finish() {
      return normalizeWhitespace(out);
    },
  };
}

/**
 * Collapses runs of spaces (a lone no-break space stays), trims every line, keeps at most one
 * blank line in a row and drops blank lines at either end.
 */
export function normalizeWhitespace(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.replace(/[ \t\f\v\u00A0]+/g, (run) => (run === '\u00A0' ? run : ' ')).trim();
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
