import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { permanent } from '@herald/core';
import { Agent, buildConnector, type Dispatcher, interceptors } from 'undici';
import { ipLiteral, isLocalName, isPublicAddress } from './address-policy.ts';

export interface AddressGuardOptions {
  /**
   * Allow loopback and private addresses. OFF by default: only for tests and the offline
   * demo, whose media server runs on this machine.
   * @defaultValue false
   */
  allowPrivate?: boolean;
  /** Host names or IP literals allowed even though they are private (a LAN media server). */
  allowHosts?: string[];
}

export interface GuardedDispatcherOptions extends AddressGuardOptions {
  /** @defaultValue 10000 */
  connectTimeoutMs?: number;
  /** @defaultValue 30000 */
  headersTimeoutMs?: number;
  /** @defaultValue 30000 */
  bodyTimeoutMs?: number;
  /** @defaultValue 3 */
  maxRedirects?: number;
}

export const MEDIA_BLOCKED = 'HERALD_MEDIA_BLOCKED';

const blocked = (host: string) =>
  permanent(MEDIA_BLOCKED, `media host ${host} is not a public address`);

/**
 * An undici dispatcher that can only reach public unicast addresses. The check sits in the
 * connector, so it runs for every connection: the first request, each redirect hop, and
 * every fresh DNS answer (no rebinding between check and use):
 * - IP literals are checked before connecting (Node's `net.connect` skips `lookup` for them);
 * - names go through a `lookup` that resolves all addresses and refuses if any is private;
 * - the connected socket's remote address is checked once more.
 */
export function createGuardedDispatcher(options: GuardedDispatcherOptions = {}): GuardedDispatcher {
  const allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase()));
  const allowed = (address: string, host: string) =>
    options.allowPrivate === true || allowHosts.has(host.toLowerCase()) || isPublicAddress(address);

  const lookup = guardedLookup(allowed);

  const connect = guardConnector(
    buildConnector({ timeout: options.connectTimeoutMs ?? 10_000, lookup }),
    allowed,
    options,
  );

  const agent = new Agent({
    connect,
    headersTimeout: options.headersTimeoutMs ?? 30_000,
    bodyTimeout: options.bodyTimeoutMs ?? 30_000,
  });
  const dispatcher = agent.compose(
    interceptors.redirect({
      maxRedirections: options.maxRedirects ?? 3,
      throwOnMaxRedirect: true,
      stripHeadersOnCrossOriginRedirect: ['authorization', 'cookie'],
    }),
  );
  return { dispatcher, close: () => agent.close() };
}

export interface GuardedDispatcher {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * Wraps a connector so that local names and disallowed IP literals are refused before it is
 * called, and a socket whose remote address is disallowed is destroyed.
 */
export function guardConnector(
  connector: buildConnector.connector,
  allowed: (address: string, host: string) => boolean,
  options: AddressGuardOptions = {},
): buildConnector.connector {
  const allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase()));
  return (connectOptions, callback) => {
    const bare = connectOptions.hostname.replace(/^\[|\]$/g, '');
    if (isLocalName(bare) && !options.allowPrivate && !allowHosts.has(bare.toLowerCase())) {
      return callback(blocked(bare), null);
    }
    const literal = ipLiteral(bare);
    if (literal !== undefined && !allowed(literal, bare)) return callback(blocked(bare), null);
    return connector(connectOptions, (error, socket) => {
      if (error) return callback(error, null);
      const remote = socket.remoteAddress;
      if (remote !== undefined && !allowed(remote, bare)) {
        socket.destroy();
        return callback(blocked(bare), null);
      }
      return callback(null, socket);
    });
  };
}

/** A `dns.lookup` for `net.connect` that refuses names resolving to any disallowed address. */
export function guardedLookup(allowed: (address: string, host: string) => boolean): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (addresses.length === 0 || addresses.some((a) => !allowed(a.address, hostname))) {
        return callback(blocked(hostname), '', 0);
      }
      if (lookupOptions.all) return (callback as unknown as AllCallback)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;
