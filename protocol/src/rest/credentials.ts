import { z } from 'zod';
import { TimestampMs } from '../timestamp.js';

/**
 * `PUT /v1/credentials` (import), `GET /v1/credentials` (what is stored, never the key) and
 * `DELETE /v1/credentials/:environment`. Only venues with real accounts take keys.
 */
export const CREDENTIALS_PATH = '/v1/credentials';

export const KeyedEnvironment = z.enum(['demo', 'live']);
export type KeyedEnvironment = z.infer<typeof KeyedEnvironment>;

/** Kalshi key ids are GUID-shaped, but not all are RFC-4122 (z.guid, not z.uuid). */
export const KalshiKeyId = z.guid('expected a Kalshi API key id (a GUID)');

/** 32 KiB holds any RSA private key PEM (a 8192-bit PKCS#8 key is ~6.4 KiB). */
export const MAX_PEM_CHARS = 32_768;

export const PutCredentialsRequest = z.strictObject({
  environment: KeyedEnvironment,
  keyId: KalshiKeyId,
  privateKeyPem: z
    .string()
    .min(1, 'paste the private key PEM')
    .max(MAX_PEM_CHARS, `a private key PEM is at most ${MAX_PEM_CHARS} characters`),
});
export type PutCredentialsRequest = z.infer<typeof PutCredentialsRequest>;

/** What the agent ever shows back about a stored key: its id and a public-key fingerprint. */
export const StoredCredentials = z.strictObject({
  environment: KeyedEnvironment,
  keyId: KalshiKeyId,
  /** `SHA256:` + base64 (no padding) of the DER SubjectPublicKeyInfo, like OpenSSH shows keys. */
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
  keyBits: z.int().min(1024),
  storedAtMs: TimestampMs,
});
export type StoredCredentials = z.infer<typeof StoredCredentials>;

/** Keychain state: `available` false means keys cannot be stored here, with the reason and the fix. */
export const CredentialsOverview = z.strictObject({
  keychain: z.strictObject({ available: z.boolean(), detail: z.string().min(1) }),
  credentials: z.array(StoredCredentials),
});
export type CredentialsOverview = z.infer<typeof CredentialsOverview>;
