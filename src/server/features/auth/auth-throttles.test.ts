import { describe, expect, it } from 'vitest';
import { clientKey } from './auth-throttles.ts';

describe('client keys of the throttles', () => {
  it('keeps IPv4 addresses, also when mapped into IPv6', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(clientKey('2001:db8:0:7::1')).toBe('2001:db8:0:7::/64');
    expect(clientKey('2001:0DB8:0000:0007:ffff:1:2:3')).toBe('2001:db8:0:7::/64');
    expect(clientKey('2001:db8::7:1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
