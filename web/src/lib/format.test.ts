import { describe, expect, it } from 'vitest';
import { countE2, moneyE6 } from '@pt/protocol';
import { formatMoney, formatPosition } from './format.js';

describe('formatMoney (integer rounding to the cent)', () => {
  it.each([
    [0, '$0.00'],
    [1_500_000, '$1.50'],
    [-90_000, '-$0.09'],
    [4_999, '$0.00'],
    [5_000, '$0.01'],
    [-4_999, '$0.00'],
    [993_910_000, '$993.91'],
    [123_456_789_012, '$123456.79'],
  ])('%i → %s', (value, text) => {
    expect(formatMoney(moneyE6(value))).toBe(text);
  });
});

describe('formatPosition', () => {
  it('names the leg of a signed count', () => {
    expect(formatPosition(countE2(1000))).toBe('10.00 YES');
    expect(formatPosition(-500 as ReturnType<typeof countE2>)).toBe('5.00 NO');
    expect(formatPosition(countE2(0))).toBe('flat');
  });
});
