import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A loopback HTTP server on port 0 (IPv4 or IPv6 loopback). */
export async function startServer(handler: Handler, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The smallest valid PNG (1×1, transparent). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** What the proxy does with one request. */
export type Fault =
  | 'pass'
  /** Forward it, then cut the connection instead of answering: the caller cannot know. */
  | 'drop-answer'
  /** Answer this without forwarding. */
  | { status: number; body: unknown };

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/**
 * A loopback proxy in front of the sandbox that injects faults: the sandbox itself is an
 * honest server, and lost answers or 5xx come from the network between us and it.
 */
export async function startFaultProxy(target: string, decide: (req: ProxiedRequest) => Fault) {
  const seen: (ProxiedRequest & { status: number | 'dropped' })[] = [];
  const upstream = new URL(target);
  const proxy = await startServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const info = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
    const fault = decide(info);
    if (typeof fault === 'object') {
      seen.push({ ...info, status: fault.status });
      res.writeHead(fault.status, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(fault.body));
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const response = await fetch(new URL(info.path, upstream), {
      method: info.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (fault === 'drop-answer') {
      seen.push({ ...info, status: 'dropped' });
      return res.socket?.destroy();
    }
    seen.push({ ...info, status: response.status });
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'content-length')
        out[name] = value;
    });
    res.writeHead(response.status, out);
    res.end(body);
  });
  return { ...proxy, seen };
}

/** Enough of an MP4 for a server that sniffs the type (an `ftyp` box). */
export const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42', 'latin1'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mp42isom', 'latin1'),
]);

export interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

/** A Logger that keeps what it is told. */
export function captureLogger() {
  const lines: LogLine[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return {
    lines,
    logger: { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') },
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
