import { countE2, moneyE6, priceE4 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { contracts, dollars, price, seconds, sentence } from './format.js';

describe('activity number formats', () => {
  it('formats fixed-point values exactly', () => {
    expect(price(priceE4(5600))).toBe('$0.5600');
    expect(price(priceE4(1))).toBe('$0.0001');
    expect(contracts(countE2(1050))).toBe('10.50');
    expect(dollars(moneyE6(10_000))).toBe('$0.010000');
    expect(dollars(moneyE6(-1_500_000))).toBe('-$1.500000');
  });

  it('formats durations without floats leaking digits', () => {
    expect(seconds(3_250)).toBe('3.3 s');
    expect(seconds(0)).toBe('0.0 s');
    expect(seconds(95_000)).toBe('95 s');
  });

  it('ends a reason as one sentence', () => {
    expect(sentence(' book is stale ')).toBe('book is stale.');
    expect(sentence('done!')).toBe('done!');
  });
});
