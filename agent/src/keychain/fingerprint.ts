import { createHash, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * `SHA256:` + base64 (no padding) of the DER SubjectPublicKeyInfo, the way OpenSSH shows keys. The
 * user can compare it with `openssl pkey -in KEY.pem -pubout -outform DER | openssl dgst -sha256
 * -binary | base64`. Safe to show: it identifies the public half only.
 */
export function publicKeyFingerprint(key: KeyObject): string {
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}
