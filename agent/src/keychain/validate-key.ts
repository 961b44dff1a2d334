/**
 * Checks a Kalshi API key before it is stored: the key id is a GUID, the PEM is an unencrypted RSA
 * private key (PKCS#1 or PKCS#8) of at least 2048 bits, and a test signature made the way Kalshi
 * requests are signed (RSA-PSS, SHA-256, salt = digest length) verifies with its public half.
 *
 * Errors are VALIDATION_FAILED naming `keyId` or `privateKeyPem`; the messages are fixed texts and
 * never quote any part of the PEM (nor OpenSSL's parser messages).
 */
import { constants, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { KalshiKeyId } from '@pt/protocol';
import { publicKeyFingerprint } from './fingerprint.js';
import { invalidField } from './invalid-field.js';

export const MIN_KEY_BITS = 2048;

export interface ValidatedKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly fingerprint: string;
  readonly keyBits: number;
}

const PEM_FIELD = 'privateKeyPem';
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };

export function validateKeyId(keyId: string): string {
  const parsed = KalshiKeyId.safeParse(keyId);
  if (!parsed.success) throw invalidField('keyId', 'expected a Kalshi API key id (a GUID)');
  return parsed.data;
}

/** What kind of PEM text this is, from its armour lines only (no parsing, nothing echoed). */
function rejectByArmour(pem: string): void {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem)) {
    throw invalidField(
      PEM_FIELD,
      'the private key is encrypted with a passphrase; export it without one ' +
        '(openssl pkey -in KEY.pem -out plain.pem) and import that',
    );
  }
  if (/-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw invalidField(PEM_FIELD, 'this is a public key or certificate; import the private key');
  }
  if (/-----BEGIN (EC|DSA|OPENSSH) PRIVATE KEY-----/.test(pem)) {
    throw invalidField(PEM_FIELD, 'expected an RSA private key (Kalshi API keys are RSA)');
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
    throw invalidField(
      PEM_FIELD,
      'not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)',
    );
  }
}

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // OpenSSL's message is dropped on purpose: it could describe the input.
    throw invalidField(PEM_FIELD, 'the private key could not be parsed (truncated or damaged PEM?)');
  }
}

function passesTestSignature(privateKey: KeyObject): boolean {
  const message = randomBytes(32);
  try {
    const signature = sign('sha256', message, { key: privateKey, ...PSS });
    return verify('sha256', message, { key: createPublicKey(privateKey), ...PSS }, signature);
  } catch {
    return false;
  }
}

export function validateKalshiKey(keyId: string, privateKeyPem: string): ValidatedKey {
  const id = validateKeyId(keyId);
  rejectByArmour(privateKeyPem);
  const privateKey = parsePrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw invalidField(PEM_FIELD, 'expected an RSA private key (Kalshi API keys are RSA)');
  }
  const keyBits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (keyBits < MIN_KEY_BITS) {
    throw invalidField(PEM_FIELD, `the RSA key has ${keyBits} bits; at least ${MIN_KEY_BITS} are required`);
  }
  if (!passesTestSignature(privateKey)) {
    throw invalidField(PEM_FIELD, 'the private key failed a test signature (RSA-PSS SHA-256)');
  }
  return { keyId: id, privateKey, fingerprint: publicKeyFingerprint(privateKey), keyBits };
}
