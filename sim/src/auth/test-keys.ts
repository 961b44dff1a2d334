import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { KeyEntry } from './key-registry.js';

export interface TestKey {
  entry: KeyEntry;
  privateKey: KeyObject;
}

/** A real RSA-2048 key pair for tests (Kalshi issues RSA keys; 2048 is the common size). */
export function makeTestKey(keyId: string, userId?: string): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  return {
    entry: { key_id: keyId, public_key_pem: String(pem), ...(userId ? { user_id: userId } : {}) },
    privateKey,
  };
}
