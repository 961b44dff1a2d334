import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findHash, hashToken, newDeviceId, newDeviceToken } from './device-token.js';

describe('device tokens', () => {
  it('are 43 base64url characters, all different', () => {
    const tokens = new Set(Array.from({ length: 200 }, newDeviceToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('device ids are dev_ + 16 base64url characters', () => {
    expect(newDeviceId()).toMatch(/^dev_[A-Za-z0-9_-]{16}$/);
  });

  it('hash to SHA-256 hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('findHash (constant time)', () => {
  const stored = ['a', 'b', 'c', 'd', 'e'].map(hashToken);

  it('compares every stored hash with timingSafeEqual, wherever the match is', () => {
    for (let target = -1; target < stored.length; target += 1) {
      let comparisons = 0;
      const counting = (a: Buffer, b: Buffer): boolean => {
        comparisons += 1;
        return timingSafeEqual(a, b);
      };
      const probe = target === -1 ? hashToken('zzz') : (stored[target] ?? '');
      expect(findHash(probe, stored, counting)).toBe(target);
      expect(comparisons).toBe(stored.length);
    }
  });

  it('uses timingSafeEqual by default and finds nothing in an empty list', () => {
    expect(findHash(hashToken('c'), stored)).toBe(2);
    expect(findHash(hashToken('c'), [])).toBe(-1);
  });
});
