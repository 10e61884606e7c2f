/**
 * Parses a `Retry-After` header (delta-seconds or an HTTP-date) into an epoch-ms time,
 * clamped to [now + 1 s, now + maxMs] so a bogus value can neither hammer nor park a feed
 * forever. Undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  header: string | undefined,
  now: number,
  maxMs: number,
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let at: number;
  if (/^\d+$/.test(value)) at = now + Number(value) * 1000;
  else {
    at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
  }
  return Math.min(Math.max(at, now + 1000), now + maxMs);
}
