import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url without padding: 43 characters. Returned once; only its hash is kept. */
const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** `dev_` + 96 random bits: names a pairing in lists and logs; not a secret. */
export function newDeviceId(): string {
  return `dev_${randomBytes(12).toString('base64url')}`;
}

/** SHA-256 of the token as lower-case hex: what devices.json stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Index of `hash` among `stored` (all SHA-256 hex digests), or -1. Every entry is compared with
 * `timingSafeEqual`, with no early exit, so the time taken says nothing about which one matched or
 * how close a guess came. `equal` is injectable so a test can count the comparisons.
 */
export function findHash(
  hash: string,
  stored: readonly string[],
  equal: (a: Buffer, b: Buffer) => boolean = timingSafeEqual,
): number {
  const presented = Buffer.from(hash, 'hex');
  let found = -1;
  stored.forEach((candidate, index) => {
    const bytes = Buffer.from(candidate, 'hex');
    // Stored hashes are schema-checked to 32 bytes; a mismatch would only come from a bug.
    const isMatch = bytes.length === presented.length && equal(presented, bytes);
    found = isMatch && found === -1 ? index : found;
  });
  return found;
}
