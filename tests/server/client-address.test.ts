import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { canonical, clientAddress } from '../../src/server/client-address.js';

const req = (peer: string, forwarded?: string) => ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the peer unless a trusted proxy is named; then the last X-Forwarded-For entry', () => {
    expect(clientAddress(req('10.0.0.1', '1.2.3.4'), false)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1', '9.9.9.9, 1.2.3.4'), true)).toBe('1.2.3.4');
  });

  it('one address has one spelling: IPv4-mapped IPv6 is its IPv4, IPv6 is lower case; what is no address falls back to the peer', () => {
    expect(canonical('::ffff:198.51.200.5')).toBe('198.51.200.5');
    expect(canonical('::FFFF:198.51.200.5')).toBe('198.51.200.5');
    expect(canonical('2001:DB8::1')).toBe('2001:db8::1');
    for (const bad of ['198.51.200.05', '198.51.200.5.', 'aa', '....', '']) expect(canonical(bad), bad).toBeUndefined();
    expect(clientAddress(req('::ffff:10.0.0.1', 'aa'), true)).toBe('10.0.0.1');
    // Some proxies add the client's port.
    expect(clientAddress(req('10.0.0.1', '1.2.3.4:5678'), true)).toBe('1.2.3.4');
    expect(clientAddress(req('10.0.0.1', '[2001:DB8::1]:443'), true)).toBe('2001:db8::1');
  });
});
