// Mastodon's OAuth scopes (reference/mastodon-server.md §6.4).
const GRANULAR = [
  'accounts',
  'blocks',
  'bookmarks',
  'collections',
  'conversations',
  'favourites',
  'filters',
  'follows',
  'lists',
  'media',
  'mutes',
  'notifications',
  'reports',
  'search',
  'statuses',
];
const KNOWN = new Set([
  'read',
  'write',
  'follow',
  'push',
  'profile',
  'admin:read',
  'admin:write',
  ...GRANULAR.flatMap((name) => [`read:${name}`, `write:${name}`]),
]);

/** Doorkeeper's default when a request names no scope. */
export const DEFAULT_SCOPES = ['read'];

/** Splits a space-separated scope string (empty → undefined). */
export function parseScopes(text: string | undefined): string[] | undefined {
  const scopes = (text ?? '').split(/\s+/).filter(Boolean);
  return scopes.length > 0 ? [...new Set(scopes)] : undefined;
}

/** Whether every scope is one the server defines. */
export function knownScopes(scopes: string[]): boolean {
  return scopes.every((scope) => KNOWN.has(scope) || /^admin:(read|write):[a-z_]+$/.test(scope));
}

/** Whether `requested` is within `allowed` (scopes are matched exactly, as Doorkeeper does). */
export function withinScopes(requested: string[], allowed: string[]): boolean {
  return requested.every((scope) => allowed.includes(scope));
}
