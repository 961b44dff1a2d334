import { describe, expect, it } from 'vitest';
import { COLLIDING_KEYS } from '../../test/store/colliding-keys.js';
import { ledgerKeyHash } from './ledger-key-hash.js';

describe('ledgerKeyHash', () => {
  it('keeps the values the key log on disk was written with (changing them needs a migration)', () => {
    expect(ledgerKeyHash('kalshi.ws', 'a')).toBe(2_167_838_317);
    expect(ledgerKeyHash('kalshi.ws', 'trade:d91b')).toBe(822_545_625);
    expect(ledgerKeyHash('', '')).toBe(91_794_203);
    expect(ledgerKeyHash('s', '\u00e9\u{1f600}')).toBe(3_955_313_523);
  });

  it('is an unsigned 32-bit integer that tells source from id ("ab"+"c" is not "a"+"bc")', () => {
    expect(ledgerKeyHash('ab', 'c')).not.toBe(ledgerKeyHash('a', 'bc'));
    for (const [s, id] of [
      ['x', 'y'],
      ['kalshi.rest', 'fill-1'],
      ['a'.repeat(200), 'b'.repeat(500)],
    ] as const) {
      const h = ledgerKeyHash(s, id);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffff_ffff).toBe(true);
    }
  });

  it('collides for COLLIDING_KEYS (the fixture the collision tests rely on)', () => {
    const [a, b] = COLLIDING_KEYS;
    expect(ledgerKeyHash(...a)).toBe(ledgerKeyHash(...b));
    expect(a).not.toEqual(b);
  });

  it('spreads sequential ids over the low bits the index takes its slots from', () => {
    const buckets = new Array<number>(256).fill(0);
    for (let i = 0; i < 25_600; i += 1) {
      const bucket = ledgerKeyHash('agent.orders', `intent-${i}`) & 0xff;
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    // 100 expected per bucket; a weak mix (plain FNV-1a) leaves buckets empty or doubled.
    expect(Math.min(...buckets)).toBeGreaterThan(60);
    expect(Math.max(...buckets)).toBeLessThan(140);
  });
});
