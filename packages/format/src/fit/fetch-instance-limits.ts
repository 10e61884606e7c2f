// Reads an instance's status limits from its public instance API: `/api/v2/instance`
// (Mastodon 4.0+), then `/api/v1/instance`, then Mastodon's defaults. Never throws for a
// failing instance: the caller gets the defaults and the reasons.
import { type Dispatcher, request } from 'undici';
import {
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
  parseInstanceLimits,
} from '../count/limits.ts';

export interface FetchInstanceLimitsOptions {
  /** Per request, for headers and body alike. @defaultValue 10000 */
  timeoutMs?: number;
  /** Aborts both requests; an abort is rethrown, not reported as a problem. */
  signal?: AbortSignal;
  /** undici dispatcher, e.g. one with an SSRF guard. @defaultValue undici's global one */
  dispatcher?: Dispatcher;
}

export type InstanceLimitsSource = 'v2' | 'v1' | 'defaults';

const MAX_BODY_BYTES = 1024 * 1024;

export async function fetchInstanceLimits(
  instanceUrl: string,
  options: FetchInstanceLimitsOptions = {},
): Promise<{ limits: InstanceLimits; source: InstanceLimitsSource; problems: string[] }> {
  const problems: string[] = [];
  for (const source of ['v2', 'v1'] as const) {
    const url = new URL(`/api/${source}/instance`, instanceUrl);
    try {
      const limits = parseInstanceLimits(await getJson(url, options));
      if (limits) return { limits, source, problems };
      problems.push(`${url.pathname}: no status limits in the response`);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      problems.push(`${url.pathname}: ${(error as Error).message}`);
    }
  }
  return { limits: MASTODON_DEFAULT_LIMITS, source: 'defaults', problems };
}

async function getJson(url: URL, options: FetchInstanceLimitsOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const response = await request(url, {
    method: 'GET',
    headers: { accept: 'application/json' },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    signal,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`HTTP ${response.statusCode}`);
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      response.body.destroy();
      throw new Error('response larger than 1 MiB');
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('response is not JSON');
  }
}
