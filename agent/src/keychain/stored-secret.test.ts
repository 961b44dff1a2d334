import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, decodeStoredSecret, encodeStoredSecret } from './stored-secret.js';

const KEY_ID = '7f3c2a10-1b2c-4d5e-8f90-0123456789ab';

describe('stored secret', () => {
  it('round-trips key id, time and key; a 4096-bit key fits the Windows cap', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
    const bytes = encodeStoredSecret({ keyId: KEY_ID, storedAtMs: 1_700_000_000_123, privateKey });
    expect(bytes.length).toBeLessThanOrEqual(MAX_SECRET_BYTES);
    const back = decodeStoredSecret(bytes, 'demo');
    expect(back.keyId).toBe(KEY_ID);
    expect(back.storedAtMs).toBe(1_700_000_000_123);
    expect(back.privateKey.equals(privateKey)).toBe(true);
  });

  it('reports a damaged secret as unreadable without quoting it', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const bytes = encodeStoredSecret({ keyId: KEY_ID, storedAtMs: 1, privateKey });
    const damaged = bytes.subarray(0, bytes.length - 40);
    expect(() => decodeStoredSecret(damaged, 'live')).toThrow(
      /^the live key in the OS keychain is unreadable/,
    );
    expect(() => decodeStoredSecret(Buffer.from('no header'), 'live')).toThrow(/unreadable/);
  });
});
