import { constants, verify } from 'node:crypto';
import type { KeyRegistry } from './key-registry.js';

/**
 * Kalshi does not document its timestamp tolerance (kalshi-api.md §2, UNCONFIRMED). We take the
 * defensive reading: a signature older than 5 s or more than 5 s in the future is rejected, so a
 * client with a drifting clock or replayed headers fails here before it fails in production.
 */
export const DEFAULT_MAX_SKEW_MS = 5_000;
/** RSA-PSS salt length = SHA-256 digest length; other lengths are rejected (defensive reading). */
export const PSS_SALT_LENGTH_BYTES = 32;

export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface SignedRequest {
  method: string;
  /** Full URL path incl. `/trade-api/v2`; a query string, if present, is ignored as Kalshi does. */
  path: string;
  headers: HeaderSource;
}

/** Why a request failed; `detail` is the upper-case reason Kalshi puts after `desc =`. */
export const AuthFailure = {
  missingHeaders: 'MISSING_AUTH_HEADERS',
  badTimestamp: 'INVALID_TIMESTAMP',
  staleTimestamp: 'TIMESTAMP_OUT_OF_WINDOW',
  unknownKey: 'INCORRECT_API_KEY',
  badSignature: 'INCORRECT_API_KEY_SIGNATURE',
} as const;
export type AuthFailure = (typeof AuthFailure)[keyof typeof AuthFailure];

export type VerifyResult =
  { isValid: true; userId: string; keyId: string } | { isValid: false; failure: AuthFailure };

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}

/**
 * Signatures already verified, per public key. A client may reuse one signature for many requests
 * within the timestamp window (the body is not signed), and RSA verification is the largest single
 * cost of a request here; a hit still passes the window and key checks above. Keyed by the key
 * object, so a replaced key never matches an old entry. Bounded: oldest entries go first.
 */
const verified = new WeakMap<object, Map<string, true>>();
const MAX_CACHED_PER_KEY = 1_024;

function isCachedValid(publicKey: object, cacheKey: string): boolean {
  return verified.get(publicKey)?.has(cacheKey) === true;
}

function rememberValid(publicKey: object, cacheKey: string): void {
  let cache = verified.get(publicKey);
  if (cache === undefined) {
    cache = new Map();
    verified.set(publicKey, cache);
  }
  if (cache.size >= MAX_CACHED_PER_KEY) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(cacheKey, true);
}

const MS_TIMESTAMP = /^\d{1,16}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Verifies Kalshi's signed headers: RSA-PSS/SHA-256/MGF1-SHA-256/salt 32 over ts+METHOD+path. */
export function verifyRequest(
  keys: KeyRegistry,
  request: SignedRequest,
  nowMs: number,
  maxSkewMs: number = DEFAULT_MAX_SKEW_MS,
): VerifyResult {
  const keyId = readHeader(request.headers, 'KALSHI-ACCESS-KEY');
  const timestamp = readHeader(request.headers, 'KALSHI-ACCESS-TIMESTAMP');
  const signature = readHeader(request.headers, 'KALSHI-ACCESS-SIGNATURE');
  if (!keyId || !timestamp || !signature) return { isValid: false, failure: AuthFailure.missingHeaders };
  // Digits only: a seconds timestamp parses but lands ~56 years in the past and fails the window.
  if (!MS_TIMESTAMP.test(timestamp)) return { isValid: false, failure: AuthFailure.badTimestamp };
  if (Math.abs(nowMs - Number(timestamp)) > maxSkewMs) {
    return { isValid: false, failure: AuthFailure.staleTimestamp };
  }
  const key = keys.get(keyId);
  if (!key) return { isValid: false, failure: AuthFailure.unknownKey };
  if (!BASE64.test(signature)) return { isValid: false, failure: AuthFailure.badSignature };
  const pathOnly = request.path.split('?')[0] ?? '';
  // The method is signed upper-case; a lower-case method on the wire is normalised by HTTP stacks.
  const signedText = timestamp + request.method.toUpperCase() + pathOnly;
  const cacheKey = `${signedText}\n${signature}`;
  if (isCachedValid(key.publicKey, cacheKey)) return { isValid: true, userId: key.userId, keyId: key.keyId };
  const message = Buffer.from(signedText, 'utf8');
  let isSignatureValid: boolean;
  try {
    isSignatureValid = verify(
      'sha256',
      message,
      { key: key.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_LENGTH_BYTES },
      Buffer.from(signature, 'base64'),
    );
  } catch {
    // OpenSSL throws on some malformed inputs (e.g. a signature longer than the modulus).
    isSignatureValid = false;
  }
  if (!isSignatureValid) return { isValid: false, failure: AuthFailure.badSignature };
  rememberValid(key.publicKey, cacheKey);
  return { isValid: true, userId: key.userId, keyId: key.keyId };
}
