import { describe, expect, it } from 'vitest';
import { allowedHosts, checkHost, isLoopbackAlias } from './host.js';

describe('checkHost', () => {
  it('accepts exactly the three loopback names at the bound port', () => {
    for (const host of allowedHosts(4100)) expect(checkHost(host, 4100)).toEqual({ ok: true });
    expect(allowedHosts(4100)).toEqual(['127.0.0.1:4100', 'localhost:4100', '[::1]:4100']);
  });

  it('compares case-insensitively (host names are), so LOCALHOST is the same name', () => {
    expect(checkHost('LOCALHOST:4100', 4100).ok).toBe(true);
    expect(checkHost('LocalHost:4100', 4100).ok).toBe(true);
    expect(checkHost('EVIL.COM:4100', 4100).ok).toBe(false);
  });

  it.each([
    'evil.com:4100',
    '127.0.0.1.nip.io:4100',
    '0.0.0.0:4100',
    '127.1:4100',
    '127.0.0.2:4100',
    'localhost.:4100',
    '127.0.0.1.:4100',
    'user@127.0.0.1:4100',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:80',
    '127.0.0.1:4101',
    '127.0.0.1:04100',
    '[::1]',
    '[0:0:0:0:0:0:0:1]:4100',
    '[::ffff:127.0.0.1]:4100',
    ' 127.0.0.1:4100',
    '127.0.0.1:4100 ',
    '127.0.0.1:4100,evil.com',
    'localhost:4100.evil.com',
  ])('refuses %j with 421', (host) => {
    expect(checkHost(host, 4100)).toMatchObject({ ok: false, status: 421 });
  });

  it('refuses a missing or empty Host', () => {
    expect(checkHost(undefined, 4100)).toMatchObject({
      ok: false,
      status: 421,
      reason: 'missing Host header',
    });
    expect(checkHost('', 4100)).toMatchObject({ ok: false, status: 421 });
  });

  it('follows the port it is given (known only after listen)', () => {
    expect(checkHost('127.0.0.1:4100', 4200).ok).toBe(false);
    expect(checkHost('127.0.0.1:4200', 4200).ok).toBe(true);
  });
});

describe('isLoopbackAlias', () => {
  it('is true for the non-canonical names only', () => {
    expect(isLoopbackAlias('localhost:4100', 4100)).toBe(true);
    expect(isLoopbackAlias('[::1]:4100', 4100)).toBe(true);
    expect(isLoopbackAlias('127.0.0.1:4100', 4100)).toBe(false);
    expect(isLoopbackAlias('evil.com:4100', 4100)).toBe(false);
    expect(isLoopbackAlias(undefined, 4100)).toBe(false);
  });
});
