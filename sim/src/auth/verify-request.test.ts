import { constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyRegistry } from './key-registry.js';
import { signRequest } from './sign-request.js';
import { makeTestKey } from './test-keys.js';
import { AuthFailure, DEFAULT_MAX_SKEW_MS, verifyRequest } from './verify-request.js';

const alice = makeTestKey('key-alice', 'user-alice');
const mallory = makeTestKey('key-mallory');
const keys = new KeyRegistry([alice.entry]);
const NOW_MS = 1_764_000_000_000;
const PATH = '/trade-api/v2/portfolio/orders';

function check(headers: Record<string, string>, method = 'GET', path = PATH, nowMs = NOW_MS) {
  return verifyRequest(keys, { method, path, headers }, nowMs);
}

describe('verifyRequest', () => {
  it('accepts a signature over ts+METHOD+path made with salt 32', () => {
    const result = check(signRequest('key-alice', alice.privateKey, 'GET', PATH, NOW_MS));
    expect(result).toEqual({ isValid: true, userId: 'user-alice', keyId: 'key-alice' });
  });

  it('accepts a reused signature within the window (cached), and still applies the window and the path', () => {
    const headers = signRequest('key-alice', alice.privateKey, 'POST', PATH, NOW_MS);
    expect(check(headers, 'POST').isValid).toBe(true);
    expect(check(headers, 'POST', PATH, NOW_MS + 1_000).isValid).toBe(true);
    expect(check(headers, 'POST', PATH, NOW_MS + DEFAULT_MAX_SKEW_MS + 1)).toEqual({
      isValid: false,
      failure: AuthFailure.staleTimestamp,
    });
    expect(check(headers, 'POST', '/trade-api/v2/portfolio/balance')).toEqual({
      isValid: false,
      failure: AuthFailure.badSignature,
    });
    expect(check({ ...headers, 'KALSHI-ACCESS-KEY': 'key-nobody' }, 'POST')).toEqual({
      isValid: false,
      failure: AuthFailure.unknownKey,
    });
  });

  it('ignores the query string, which clients must not sign', () => {
    const headers = signRequest('key-alice', alice.privateKey, 'GET', `${PATH}?limit=5`, NOW_MS);
    expect(check(headers, 'GET', `${PATH}?limit=5`).isValid).toBe(true);
  });

  it('rejects a signature with a different salt length', () => {
    const headers = signRequest('key-alice', alice.privateKey, 'GET', PATH, NOW_MS, 20);
    expect(check(headers)).toEqual({ isValid: false, failure: AuthFailure.badSignature });
    const maxSalt = signRequest(
      'key-alice',
      alice.privateKey,
      'GET',
      PATH,
      NOW_MS,
      constants.RSA_PSS_SALTLEN_MAX_SIGN,
    );
    expect(check(maxSalt).isValid).toBe(false);
  });

  it('rejects a signature over another method or path (no replay across endpoints)', () => {
    const headers = signRequest('key-alice', alice.privateKey, 'GET', PATH, NOW_MS);
    expect(check(headers, 'DELETE').isValid).toBe(false);
    expect(check(headers, 'GET', '/trade-api/v2/portfolio/balance').isValid).toBe(false);
    // Signing without the /trade-api/v2 prefix is a classic client bug.
    const noPrefix = signRequest('key-alice', alice.privateKey, 'GET', '/portfolio/orders', NOW_MS);
    expect(check(noPrefix)).toEqual({ isValid: false, failure: AuthFailure.badSignature });
  });

  it('rejects a key signed by someone else and unknown key ids', () => {
    const forged = signRequest('key-alice', mallory.privateKey, 'GET', PATH, NOW_MS);
    expect(check(forged)).toEqual({ isValid: false, failure: AuthFailure.badSignature });
    const unknown = signRequest('key-mallory', mallory.privateKey, 'GET', PATH, NOW_MS);
    expect(check(unknown)).toEqual({ isValid: false, failure: AuthFailure.unknownKey });
  });

  it('rejects stale and future timestamps beyond the window, accepts at its edge', () => {
    const signedAt = (ms: number) => signRequest('key-alice', alice.privateKey, 'GET', PATH, ms);
    expect(check(signedAt(NOW_MS - DEFAULT_MAX_SKEW_MS)).isValid).toBe(true);
    expect(check(signedAt(NOW_MS - DEFAULT_MAX_SKEW_MS - 1))).toEqual({
      isValid: false,
      failure: AuthFailure.staleTimestamp,
    });
    expect(check(signedAt(NOW_MS + DEFAULT_MAX_SKEW_MS + 1)).isValid).toBe(false);
  });

  it('rejects a seconds timestamp and malformed headers', () => {
    const seconds = Math.floor(NOW_MS / 1000);
    const headers = signRequest('key-alice', alice.privateKey, 'GET', PATH, seconds);
    expect(check(headers)).toEqual({ isValid: false, failure: AuthFailure.staleTimestamp });
    const good = signRequest('key-alice', alice.privateKey, 'GET', PATH, NOW_MS);
    expect(check({ ...good, 'KALSHI-ACCESS-TIMESTAMP': '1.7e12' }).isValid).toBe(false);
    expect(check({ ...good, 'KALSHI-ACCESS-SIGNATURE': 'not base64!' }).isValid).toBe(false);
    expect(check({ ...good, 'KALSHI-ACCESS-SIGNATURE': 'QUJD' }).isValid).toBe(false);
    const { ['KALSHI-ACCESS-SIGNATURE']: _dropped, ...unsigned } = good;
    expect(check(unsigned)).toEqual({ isValid: false, failure: AuthFailure.missingHeaders });
  });

  it('reads node-style lower-case headers (WS upgrade) and Fetch Headers', () => {
    const good = signRequest('key-alice', alice.privateKey, 'GET', '/trade-api/ws/v2', NOW_MS);
    const lower = Object.fromEntries(Object.entries(good).map(([k, v]) => [k.toLowerCase(), v]));
    expect(
      verifyRequest(keys, { method: 'GET', path: '/trade-api/ws/v2', headers: lower }, NOW_MS).isValid,
    ).toBe(true);
    const fetchHeaders = new Headers(good);
    expect(
      verifyRequest(keys, { method: 'GET', path: '/trade-api/ws/v2', headers: fetchHeaders }, NOW_MS).isValid,
    ).toBe(true);
  });
});

describe('KeyRegistry', () => {
  it('maps keys to users, defaulting the user to the key id', () => {
    const registry = new KeyRegistry([alice.entry, mallory.entry]);
    expect(registry.get('key-alice')?.userId).toBe('user-alice');
    expect(registry.get('key-mallory')?.userId).toBe('key-mallory');
    expect(registry.userIds()).toEqual(['user-alice', 'key-mallory']);
  });

  it('names the bad field of an invalid entry and adds nothing from a bad batch', () => {
    expect(() => KeyRegistry.parseEntries([{ key_id: 'x' }])).toThrow(/0\.public_key_pem/);
    const registry = new KeyRegistry();
    const broken = {
      key_id: 'k2',
      public_key_pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    };
    expect(() => registry.addAll([alice.entry, broken])).toThrow(/1\.public_key_pem/);
    expect(registry.size).toBe(0);
  });
});
