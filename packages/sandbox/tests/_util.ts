import { deflateSync } from 'node:zlib';
import { buildSandbox, type SandboxOptions } from '../src/index.ts';

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 7, 21, 13, 50, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

/** A built (not listening) sandbox plus small request helpers around `app.inject`. */
export function injected(options: SandboxOptions = {}) {
  const sandbox = buildSandbox({ tokens: ['t1', 't2'], rateLimit: 'off', ...options });
  const request = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    init: {
      token?: string | null;
      json?: unknown;
      form?: string;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    const token = init.token === undefined ? 't1' : init.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(init.json);
    } else if (init.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = init.form;
    }
    const response = await sandbox.app.inject({ method, url, headers, payload });
    return {
      status: response.statusCode,
      headers: response.headers,
      // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely
      body: response.body === '' ? undefined : (JSON.parse(response.body) as Record<string, any>),
      raw: response.body,
    };
  };
  return {
    ...sandbox,
    request,
    post: (status: string, extra: Record<string, unknown> = {}, token?: string) =>
      request('POST', '/api/v1/statuses', { json: { status, ...extra }, token }),
  };
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A grey PNG with the given header size (pixel data only for the first rows: enough for tests). */
export function png(width = 2, height = 2): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * Math.min(height, 4));
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of an MP4 file (ftyp box), enough for type detection. */
export function mp4(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'),
    Buffer.alloc(64),
  ]);
}
