// The client address for throttling: the socket's, or behind a trusted proxy (TRUST_PROXY) the one it forwarded.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addressBlock, parseTrustProxy, resolveClientAddress } from '@/lib/server/client-address';

const none = parseTrustProxy(undefined);

describe('resolveClientAddress', () => {
  it('takes the socket address and ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
    expect(resolveClientAddress('::ffff:203.0.113.7', null, none)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', parseTrustProxy('0'))).toBe('203.0.113.7');
  });

  it('with one trusted hop takes the address the proxy appended, not what the client wrote before it', () => {
    const oneHop = parseTrustProxy('1');
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1', oneHop)).toBe('198.51.100.1');
    expect(resolveClientAddress('127.0.0.1', '10.9.9.9, 192.0.2.44, 198.51.100.1', oneHop)).toBe('198.51.100.1');
    expect(resolveClientAddress('127.0.0.1', null, oneHop)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '10.0.0.1, 198.51.100.1', parseTrustProxy('2'))).toBe('10.0.0.1');
  });

  it('with proxies by address uses the header only from them, and walks back past each trusted one', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/24');
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1', trust)).toBe('198.51.100.1');
    expect(resolveClientAddress('::1', '198.51.100.1, 10.0.0.3', trust)).toBe('198.51.100.1');
    expect(resolveClientAddress('::ffff:127.0.0.1', '[2001:db8::5]:4711', trust)).toBe('2001:db8::5');
    // A client that reaches the server directly cannot choose its address by sending the header.
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', trust)).toBe('203.0.113.7');
    // Garbage in the header ends the walk at the last real address.
    expect(resolveClientAddress('127.0.0.1', 'unknown, 198.51.100.1', trust)).toBe('198.51.100.1');
    expect(resolveClientAddress('127.0.0.1', 'unknown', trust)).toBe('127.0.0.1');
  });

  it('refuses a TRUST_PROXY that names no address, with a German message', () => {
    expect(() => parseTrustProxy('nginx')).toThrow(/TRUST_PROXY enthält „nginx“/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/kein Netz/);
    expect(() => parseTrustProxy('10.0.0.1/8/2')).toThrow(/TRUST_PROXY/);
  });
});

describe('Astro configuration', () => {
  it('sets no security.allowedDomains, with which context.clientAddress would be the client-written X-Forwarded-For', () => {
    // astro/dist/core/app/node.js: once the Host matches allowedDomains, clientAddress is the header's *first* entry.
    // clientAddressOf relies on it being the socket's address; TRUST_PROXY is the one way to use the header.
    expect(fs.readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8')).not.toMatch(/allowedDomains/);
  });
});

describe('addressBlock', () => {
  it('keeps IPv4 addresses and counts IPv6 by its /64 network', () => {
    expect(addressBlock('198.51.100.1')).toBe('198.51.100.1');
    expect(addressBlock('2001:db8:7:9::1')).toBe('2001:db8:7:9::/64');
    expect(addressBlock('2001:0db8:0007:0009:ffff:1:2:3')).toBe('2001:db8:7:9::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('64:ff9b:1::192.0.2.1')).toBe('64:ff9b:1:0::/64');
  });
});
