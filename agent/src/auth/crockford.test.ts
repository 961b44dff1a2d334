import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET, encodeCrockford, groupCode, normalizeCrockford } from './crockford.js';

describe('crockford base32', () => {
  it('encodes 5 bits per character, most significant first', () => {
    expect(encodeCrockford(Uint8Array.from([0, 0, 0, 0, 0]))).toBe('00000000');
    expect(encodeCrockford(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('ZZZZZZZZ');
    // 0x08 = 00001000 → 00001 000(00) → "1" then "0".
    expect(encodeCrockford(Uint8Array.from([0x08]))).toBe('10');
    expect(encodeCrockford(Uint8Array.from([0x84, 0x21]))).toBe('GGGG');
  });

  it('uses only the alphabet and 8 characters per 5 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        const code = encodeCrockford(bytes);
        expect(code).toHaveLength(8);
        for (const ch of code) expect(CROCKFORD_ALPHABET).toContain(ch);
        expect(code).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('is injective on 5-byte inputs (distinct bytes, distinct codes)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        (a, b) => {
          const same = a.every((byte, i) => byte === b[i]);
          expect(encodeCrockford(a) === encodeCrockford(b)).toBe(same);
        },
      ),
    );
  });

  it('normalizes what a person types', () => {
    expect(normalizeCrockford('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeCrockford(' 0oIl - 1 ')).toBe('00111');
    expect(normalizeCrockford('AB CD\tEF')).toBe('ABCDEF');
  });

  it('groups for display and normalizing undoes the grouping', () => {
    expect(groupCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(groupCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 10 }), (bytes) => {
        const code = encodeCrockford(bytes);
        expect(normalizeCrockford(groupCode(code).toLowerCase())).toBe(code);
      }),
    );
  });
});
