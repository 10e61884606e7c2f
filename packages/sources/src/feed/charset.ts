import { TextDecoder } from 'node:util';

/**
 * Decodes a feed body to text. Precedence follows RFC 7303: byte-order mark, then the HTTP
 * `charset`, then the XML declaration, then UTF-8. rss-parser cannot do this itself (it
 * ignores the prolog), so we decode the bytes and hand it a string.
 */
export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`. */
  charset: string;
}

const BOMS: ReadonlyArray<[bytes: number[], label: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

export function decodeFeedBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  const label =
    bomCharset(bytes) ?? httpCharset(contentType) ?? xmlDeclarationCharset(bytes) ?? 'utf-8';
  const decoder = createDecoder(label);
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}

function bomCharset(bytes: Uint8Array): string | undefined {
  for (const [bom, label] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return label;
  }
  return undefined;
}

/** The `charset` parameter of a Content-Type header, unquoted and lower-cased. */
export function httpCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2]?.toLowerCase();
}

function xmlDeclarationCharset(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII by definition; reading the head as latin1 is safe for sniffing.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(head)?.[0];
  if (!declaration) return undefined;
  return /\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration)?.[1]?.toLowerCase();
}

/** A decoder for the label, or UTF-8 when the label is unknown (a typo must not stop a feed). */
function createDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}
