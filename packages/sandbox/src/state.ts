// The sandbox's whole world, in memory: accounts, OAuth apps/codes/tokens, media, statuses and
// idempotency keys. Route handlers read and change it; nothing here speaks HTTP.
import { randomBytes } from 'node:crypto';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';
export type MediaType = 'image' | 'video' | 'gifv' | 'audio';

export interface AccountRecord {
  id: string;
  username: string;
  createdAt: number;
}

export interface AppRecord {
  id: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecret: string;
}

export interface TokenRecord {
  token: string;
  /** Null for an app-only (client_credentials) token. */
  accountId: string | null;
  appId: string | null;
  scopes: string[];
  createdAt: number;
  revoked: boolean;
}

export interface AuthCodeRecord {
  code: string;
  appId: string;
  accountId: string;
  redirectUri: string;
  scopes: string[];
  /** PKCE S256 challenge, when the client sent one. */
  challenge: string | null;
  expiresAt: number;
  used: boolean;
}

export interface MediaRecord {
  id: string;
  accountId: string;
  type: MediaType;
  mimeType: string;
  filename: string;
  bytes: Buffer;
  description: string;
  focus: { x: number; y: number };
  width: number | null;
  height: number | null;
  createdAt: number;
  /** Processing is over from this instant on (clock of `now`). */
  readyAt: number;
  statusId: string | null;
}

export interface StatusRecord {
  id: string;
  accountId: string;
  appId: string | null;
  text: string;
  spoilerText: string;
  visibility: Visibility;
  language: string;
  sensitive: boolean;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  mediaIds: string[];
  createdAt: number;
  editedAt: number | null;
  idempotencyKey: string | null;
}

export interface SandboxState {
  now: () => number;
  accounts: Map<string, AccountRecord>;
  apps: Map<string, AppRecord>;
  tokens: Map<string, TokenRecord>;
  codes: Map<string, AuthCodeRecord>;
  media: Map<string, MediaRecord>;
  statuses: Map<string, StatusRecord>;
  /** `<account id>:<key>` → the status it created and when the key expires. */
  idempotency: Map<string, { statusId: string; expiresAt: number }>;
  /** A new id, increasing with the clock like Mastodon's snowflake ids. */
  nextId(): string;
}

/** A random URL-safe secret, the shape Doorkeeper gives tokens, codes and client ids. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Empty state with one account per token (all scopes, like a token from the settings page). */
export function createState(tokens: string[], now: () => number): SandboxState {
  let last = 0n;
  const nextId = (): string => {
    // Milliseconds in the high bits and a sequence in the low 16, as Mastodon does; strictly
    // increasing even when the injected clock stands still or goes back.
    const candidate = BigInt(Math.max(0, Math.floor(now()))) << 16n;
    last = candidate > last ? candidate : last + 1n;
    return last.toString();
  };
  const state: SandboxState = {
    now,
    accounts: new Map(),
    apps: new Map(),
    tokens: new Map(),
    codes: new Map(),
    media: new Map(),
    statuses: new Map(),
    idempotency: new Map(),
    nextId,
  };
  tokens.forEach((token, index) => {
    const account = { id: String(index + 1), username: `user${index + 1}`, createdAt: now() };
    state.accounts.set(account.id, account);
    state.tokens.set(token, {
      token,
      accountId: account.id,
      appId: null,
      scopes: ['read', 'write', 'follow', 'push'],
      createdAt: now(),
      revoked: false,
    });
  });
  return state;
}

/** Compares two numeric id strings as numbers (ids of different lengths included). */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the media has finished processing at the state's current time. */
export function isProcessed(state: SandboxState, media: MediaRecord): boolean {
  return state.now() >= media.readyAt;
}
