import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses media may be fetched from: public unicast only. Everything a server-side
 * fetch must never reach is blocked — loopback, RFC 1918, CGNAT, link-local (cloud metadata),
 * ULA, multicast, unspecified, documentation and reserved ranges — and IPv6 forms that embed
 * an IPv4 address (mapped, NAT64, 6to4) are judged by the address they embed.
 */
const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}

/** Inside global unicast 2000::/3, the ranges that are still not the public internet. */
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 address (with or without brackets or a zone). */
export function ipv6Groups(address: string): number[] | undefined {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(text)) return undefined;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<number>(fill).fill(0), ...right];
}

const v4From = (high: number, low: number) =>
  `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** True only for public unicast addresses (the literal IP, never a name). */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return !blockedV4.check(address, 'ipv4');
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated): judge the IPv4 inside.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) {
    return g5 === 0xffff || g6 !== 0 ? isPublicAddress(v4From(g6, g7)) : false;
  }
  // NAT64 well-known prefix 64:ff9b::/96.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isPublicAddress(v4From(g6, g7));
  }
  // 6to4 2002:a.b.c.d::/48.
  if (g0 === 0x2002) return isPublicAddress(v4From(g1, g2));
  // Only global unicast 2000::/3 is public: this excludes ::, ::1, fc00::/7 (ULA),
  // fe80::/10 (link-local), fec0::/10, ff00::/8 (multicast), 64:ff9b:1::/48, 100::/64.
  if ((g0 & 0xe000) !== 0x2000) return false;
  return !blockedV6.check(groups.map((g) => g.toString(16)).join(':'), 'ipv6');
}

/**
 * A URL host as an IP literal, normalized (decimal `2130706433`, short `127.1` and hex forms
 * are already IPv4 after WHATWG URL parsing; brackets are removed from IPv6), or undefined
 * for a DNS name.
 */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIPv4(bare) || isIPv6(bare)) return bare;
  try {
    const normalized = new URL(`http://${hostname.includes(':') ? `[${bare}]` : bare}/`).hostname;
    const unbracketed = normalized.replace(/^\[|\]$/g, '');
    return isIPv4(unbracketed) || isIPv6(unbracketed) ? unbracketed : undefined;
  } catch {
    return undefined;
  }
}

/** Names that always mean this machine, whatever DNS says. */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.localdomain';
}
