/**
 * The keychain secret of one environment: a one-line JSON header (format version, key id, stored
 * time), a newline, then the private key as PKCS#8 DER. Binary DER rather than PEM-in-JSON because
 * Windows Credential Manager caps a secret at 2,560 bytes: a 4096-bit key fits this way, not as PEM.
 */
import { createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { KalshiKeyId, TimestampMs } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';
import { invalidField } from './invalid-field.js';

/** CRED_MAX_CREDENTIAL_BLOB_SIZE on Windows; the same cap everywhere so a key works on every OS. */
export const MAX_SECRET_BYTES = 2_560;

const Header = z.strictObject({ v: z.literal(1), keyId: KalshiKeyId, storedAtMs: TimestampMs });

export interface StoredSecret {
  readonly keyId: string;
  readonly storedAtMs: number;
  readonly privateKey: KeyObject;
}

export function encodeStoredSecret(secret: StoredSecret): Buffer {
  const header = Buffer.from(
    `${JSON.stringify({ v: 1, keyId: secret.keyId, storedAtMs: secret.storedAtMs })}\n`,
    'utf8',
  );
  const der = secret.privateKey.export({ type: 'pkcs8', format: 'der' });
  const bytes = Buffer.concat([header, der]);
  if (bytes.length > MAX_SECRET_BYTES) {
    throw invalidField(
      'privateKeyPem',
      'the key is too large for the OS keychain (RSA keys up to 4096 bits fit)',
    );
  }
  return bytes;
}

/** Throws INTERNAL (never quoting the bytes) when the keychain holds something else under our name. */
export function decodeStoredSecret(bytes: Buffer, label: string): StoredSecret {
  const unreadable = (): AgentError =>
    new AgentError(
      'INTERNAL',
      `the ${label} key in the OS keychain is unreadable; delete it and import the key again`,
    );
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw unreadable();
  let header: z.infer<typeof Header>;
  let privateKey: KeyObject;
  try {
    header = Header.parse(JSON.parse(bytes.subarray(0, newline).toString('utf8')));
    privateKey = createPrivateKey({ key: bytes.subarray(newline + 1), format: 'der', type: 'pkcs8' });
  } catch {
    throw unreadable();
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw unreadable();
  return { keyId: header.keyId, storedAtMs: header.storedAtMs, privateKey };
}
