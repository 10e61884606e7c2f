// Rails-style parameters from a query string plus a form, multipart or JSON body, read the way
// Mastodon's strong parameters read them (arrays only from `name[]` or a JSON array).
import type { FastifyRequest } from 'fastify';

export type Params = Record<string, unknown>;

/** A multipart file part, buffered by @fastify/multipart (`attachFieldsToBody: true`). */
export interface FilePart {
  type: 'file';
  filename: string;
  mimetype: string;
  toBuffer(): Promise<Buffer>;
}

function isPart(value: unknown): value is { type: string; value?: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value && 'fieldname' in value;
}

function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (isPart(value)) return value.type === 'field' ? value.value : value;
  return value;
}

/** Query and body parameters merged (body wins), multipart fields reduced to their values. */
export function requestParams(request: FastifyRequest): Params {
  const params: Params = { ...(request.query as Params | undefined) };
  const body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
    for (const [key, value] of Object.entries(body)) params[key] = unwrap(value);
  }
  return params;
}

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** A scalar parameter as a string; arrays and objects are dropped, as strong params drop them. */
export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  return isScalar(value) ? String(value) : undefined;
}

/** `name[]=a&name[]=b` or a JSON array; a bare scalar is ignored (strong params drop it). */
export function arrayParam(params: Params, name: string): string[] | undefined {
  const value = params[`${name}[]`] ?? params[name];
  if (Array.isArray(value)) return value.filter(isScalar).map(String);
  if (params[`${name}[]`] !== undefined && isScalar(value)) return [String(value)];
  return undefined;
}

const FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF']);

/** ActiveModel's boolean cast: listed false values → false, blank → undefined, else true. */
export function booleanParam(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  if (value === '') return undefined;
  return !FALSE_VALUES.has(value);
}

/** Ruby's `String#to_i` on an id: leading digits, else 0 (so garbage matches nothing). */
export function idParam(value: string): string {
  const digits = /^\s*\+?(\d+)/.exec(value);
  return digits ? BigInt(digits[1]!).toString() : '0';
}

/** The uploaded file of a multipart request, if any. */
export function fileParam(params: Params, name: string): FilePart | undefined {
  const value = params[name];
  const part = Array.isArray(value) ? value[0] : value;
  return typeof part === 'object' && part !== null && (part as FilePart).type === 'file'
    ? (part as FilePart)
    : undefined;
}

/** The base URL the client reached us at, for links in entities and Link headers. */
export function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
