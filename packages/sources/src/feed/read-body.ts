import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { permanent } from '@herald/core';

/**
 * Reads a response body into memory with a cap on the *decoded* size, so neither a large
 * feed nor a small gzip bomb can exhaust memory. The cap is checked against Content-Length
 * first (when the body is not compressed) and then while streaming.
 */
export async function readCappedBody(
  body: Readable,
  headers: { contentEncoding?: string; contentLength?: string },
  maxBytes: number,
): Promise<Buffer> {
  const encoding = (headers.contentEncoding ?? 'identity').trim().toLowerCase();
  const declared = Number(headers.contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw tooLarge(maxBytes);
  }
  const decoder = decoderFor(encoding);
  if (decoder === null) {
    body.destroy();
    throw permanent('HERALD_FEED_DECODE', `unsupported Content-Encoding "${encoding}"`);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  };
  try {
    if (decoder) await pipeline(body, decoder, collect);
    else await pipeline(body, collect);
  } catch (error) {
    if (isZlibError(error)) {
      throw permanent('HERALD_FEED_DECODE', `cannot decompress the ${encoding} body`, {
        cause: error,
      });
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

/** undefined: identity; null: an encoding we cannot decode. */
function decoderFor(encoding: string): Transform | undefined | null {
  switch (encoding) {
    case 'identity':
    case '':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createInflate();
    default:
      return null;
  }
}

function tooLarge(maxBytes: number) {
  return permanent('HERALD_FEED_TOO_LARGE', `feed body is larger than ${maxBytes} bytes`);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
