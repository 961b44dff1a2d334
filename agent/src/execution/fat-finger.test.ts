import { MarketTicker, type BookLevel } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { checkFatFinger } from './fat-finger.js';

const ticker = MarketTicker.parse('KXTEST-26NOV25-T50');
const level = (priceE4: number): BookLevel => ({ priceE4, countE2: 100 }) as BookLevel;
const book = (bid: number | null, ask: number | null) => ({
  ticker,
  yesBids: bid === null ? [] : [level(bid)],
  yesAsks: ask === null ? [] : [level(ask)],
});

describe('checkFatFinger', () => {
  it('allows a limit exactly at the maximum distance from the mid and denies one unit past it', () => {
    // Mid 0.45 (bid 0.40, ask 0.50); max 0.10.
    expect(checkFatFinger(book(4_000, 5_000), 5_500, 1_000)).toBeNull();
    expect(checkFatFinger(book(4_000, 5_000), 3_500, 1_000)).toBeNull();
    const denial = checkFatFinger(book(4_000, 5_000), 5_501, 1_000);
    expect(denial).toEqual({
      rule: 'FAT_FINGER',
      detail: `The limit $0.5501 is $0.1001 from the ${ticker} mid $0.45, beyond the maximum of $0.1.`,
    });
    expect(checkFatFinger(book(4_000, 5_000), 3_499, 1_000)?.rule).toBe('FAT_FINGER');
  });

  it('handles a half-tick mid exactly', () => {
    // Mid 0.4505: 0.5505 is exactly 0.10 away.
    expect(checkFatFinger(book(4_000, 5_010), 5_505, 1_000)).toBeNull();
    expect(checkFatFinger(book(4_000, 5_010), 5_506, 1_000)?.rule).toBe('FAT_FINGER');
  });

  it('uses the one side there is, and leaves an empty or missing book to risk', () => {
    expect(checkFatFinger(book(4_000, null), 5_001, 1_000)?.rule).toBe('FAT_FINGER');
    expect(checkFatFinger(book(null, 6_000), 5_000, 1_000)).toBeNull();
    expect(checkFatFinger(book(null, null), 9_999, 0)).toBeNull();
    expect(checkFatFinger(null, 9_999, 0)).toBeNull();
  });
});
