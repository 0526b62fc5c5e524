// The address of the client a request comes from, for throttling: the connection's own address, or behind a
// reverse proxy named in TRUST_PROXY the address that proxy appended to X-Forwarded-For. Forwarded headers are
// never read otherwise: any client can send them, with any address in them.
//
// Astro's `context.clientAddress` is the socket's address as long as `security.allowedDomains` is not configured
// (astro.config.mjs sets none); with it Astro would take the *first* X-Forwarded-For entry, which the client writes.
import net from 'node:net';

/** Who may set X-Forwarded-For: nobody, the given number of proxy hops, or proxies by address. */
export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: net.BlockList };

/** Reads TRUST_PROXY (see README.md): empty or `0` for none, a number of hops, or `loopback`, addresses and CIDRs. */
export function parseTrustProxy(raw: string | undefined): ProxyTrust {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const list = new net.BlockList();
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    if (entry.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const bits = prefix === undefined ? null : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (family === 0 || rest.length > 0 || Number.isNaN(bits) || (bits !== null && bits > (family === 4 ? 32 : 128))) {
      throw new Error(`TRUST_PROXY enthält „${entry}“, das ist keine IP-Adresse und kein Netz (CIDR). Erlaubt sind z. B. „loopback“, „10.0.0.5“, „10.0.0.0/24“ oder die Anzahl der Proxys davor („1“).`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { kind: 'addresses', list };
}

let cached: { raw: string | undefined; trust: ProxyTrust } | null = null;

/** The proxy trust configured in TRUST_PROXY (read once per value). */
export function configuredProxyTrust(): ProxyTrust {
  const raw = process.env.TRUST_PROXY;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustProxy(raw) };
  return cached.trust;
}

/** An address as written in X-Forwarded-For, without port or brackets and IPv4-mapped IPv6 as IPv4; null if it is none. */
function plainAddress(text: string): string | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (net.isIP(value) === 0) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  return mapped ? mapped[1]! : value.toLowerCase();
}

/**
 * The client's address from the connection's address and the X-Forwarded-For header under `trust`. The header is
 * read from its end, where each trusted proxy appends the address it was connected from: the client is the first
 * address, walking back from the connection, that is not a trusted proxy (or the given number of hops back). What
 * stands before it in the header was sent by the client itself and is never used.
 */
export function resolveClientAddress(socketAddress: string, forwardedFor: string | null, trust: ProxyTrust): string {
  const socket = plainAddress(socketAddress) ?? socketAddress;
  if (trust.kind === 'none' || !forwardedFor) return socket;
  const chain = [...forwardedFor.split(',').map(plainAddress), socket];
  const isTrusted = (address: string, hopsBack: number) =>
    trust.kind === 'hops' ? hopsBack < trust.hops : trust.list.check(address, net.isIP(address) === 4 ? 'ipv4' : 'ipv6');
  let client = socket;
  for (let i = chain.length - 1, hopsBack = 0; i >= 0; i--, hopsBack++) {
    const address = chain[i];
    // An entry that is no address ends the walk: the last good one stands for the client.
    if (!address) break;
    client = address;
    if (!isTrusted(address, hopsBack)) break;
  }
  return client;
}

/** The address a request comes from (see the top of this file): the socket's, or behind TRUST_PROXY the forwarded one. */
export function clientAddressOf(context: { clientAddress: string; request: Request }): string {
  return resolveClientAddress(context.clientAddress, context.request.headers.get('x-forwarded-for'), configuredProxyTrust());
}

/** The 8 groups of an IPv6 address as numbers (`2001:db8::1` → [0x2001, 0xdb8, 0, …, 1]). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The block an address is counted in for throttling: an IPv4 address itself, an IPv6 address by its /64 network,
 * which one connection or household holds as a whole (otherwise a client could take a new address for each try).
 */
export function addressBlock(address: string): string {
  if (net.isIP(address) !== 6) return address;
  const groups = ipv6Groups(address).slice(0, 4).map((g) => g.toString(16));
  return `${groups.join(':')}::/64`;
}
