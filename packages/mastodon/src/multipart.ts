import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/** A form field: text, or a file given as bytes or as a stream (sent without buffering). */
export type MultipartField =
  | { name: string; value: string }
  | { name: string; data: Buffer | Readable; filename: string; contentType: string };

export interface MultipartBody {
  contentType: string;
  /** Known when every file is a Buffer; a streamed body is sent chunked. */
  length: number | undefined;
  body: AsyncIterable<Buffer>;
}

/** Quotes a header parameter the way browsers do (WHATWG): `"`, CR and LF percent-encoded. */
function quoted(value: string): string {
  return `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

/** Encodes `multipart/form-data` (RFC 7578) as a stream of chunks. */
export function encodeMultipart(fields: MultipartField[]): MultipartBody {
  const boundary = `----herald${randomBytes(12).toString('hex')}`;
  const heads = fields.map((field) => {
    const disposition = `form-data; name=${quoted(field.name)}`;
    const head =
      'value' in field
        ? `--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: ${disposition}; filename=${quoted(field.filename)}\r\n` +
          `Content-Type: ${field.contentType.replace(/[\r\n]/g, '')}\r\n\r\n`;
    return Buffer.from(head);
  });
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const crlf = Buffer.from('\r\n');

  let length: number | undefined = tail.length;
  fields.forEach((field, i) => {
    if (length === undefined) return;
    const size =
      'value' in field
        ? Buffer.byteLength(field.value)
        : Buffer.isBuffer(field.data)
          ? field.data.length
          : undefined;
    length = size === undefined ? undefined : length + heads[i]!.length + size + crlf.length;
  });

  async function* body(): AsyncGenerator<Buffer> {
    for (const [i, field] of fields.entries()) {
      yield heads[i]!;
      if ('value' in field) yield Buffer.from(field.value);
      else if (Buffer.isBuffer(field.data)) yield field.data;
      else for await (const chunk of field.data) yield Buffer.from(chunk as Uint8Array);
      yield crlf;
    }
    yield tail;
  }

  return { contentType: `multipart/form-data; boundary=${boundary}`, length, body: body() };
}
