import { describe, expect, it } from 'vitest';
import {
  FixedPointError,
  addMoney,
  centsToMoney,
  centsToPrice,
  compareFixed,
  complementPrice,
  countE2,
  formatCountFp,
  formatMoneyDollars,
  formatPriceDollars,
  moneyE6,
  negMoney,
  notional,
  parseCountFp,
  parseMoneyDollars,
  parsePriceDollars,
  parseSignedCountFp,
  priceE4,
  priceToMoney,
  signedCountE2,
  subCount,
  subMoney,
  sumMoney,
} from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('parsePriceDollars', () => {
  it.each([
    ['0.56', 5600],
    ['0.5600', 5600],
    ['0.560000', 5600],
    ['1', 10000],
    ['1.0000', 10000],
    ['0', 0],
    ['0.0000', 0],
    ['0.0001', 1],
    ['0.9999', 9999],
    ['0.5', 5000],
  ])('%s → %d', (input, expected) => {
    expect(parsePriceDollars(input)).toBe(expected);
  });

  it.each([
    ['0.56.1', 'not a plain decimal'],
    ['1e-3', 'not a plain decimal'],
    ['NaN', 'not a plain decimal'],
    ['Infinity', 'not a plain decimal'],
    ['-', 'not a plain decimal'],
    ['', 'not a plain decimal'],
    [' 1', 'not a plain decimal'],
    ['1 ', 'not a plain decimal'],
    ['+1', 'not a plain decimal'],
    ['.5', 'not a plain decimal'],
    ['5.', 'not a plain decimal'],
    ['00.5', 'not a plain decimal'],
    ['0x10', 'not a plain decimal'],
    ['0,56', 'not a plain decimal'],
    ['٠.٥', 'not a plain decimal'],
    ['0.56001', 'more than 4 significant decimal places'],
    ['0.561234', 'more than 4 significant decimal places'],
    ['1.0001', 'price must be an integer 0..10000'],
    ['2', 'price must be an integer 0..10000'],
    ['-0.1', 'must not be negative'],
    ['-0', 'must not be negative'],
    ['1'.repeat(65), 'longer than 64 characters'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(() => parsePriceDollars(input, 'yes_bid_dollars')).toThrow(reason);
  });

  it('names the field and keeps the input on the error', () => {
    const error: unknown = (() => {
      try {
        parsePriceDollars('0.56.1', 'orderbook.yes[3].price');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FixedPointError);
    expect(error).toMatchObject({ field: 'orderbook.yes[3].price', input: '0.56.1' });
    expect(String(error)).toContain('orderbook.yes[3].price');
  });

  it('rejects a non-string smuggled past the type system', () => {
    const smuggled: unknown = 0.56;
    expect(() => parsePriceDollars(smuggled as string)).toThrow('expected a decimal string');
  });
});

describe('formatPriceDollars', () => {
  it.each([
    [5600, '0.5600'],
    [0, '0.0000'],
    [1, '0.0001'],
    [10000, '1.0000'],
  ])('%d → %s', (value, expected) => {
    expect(formatPriceDollars(priceE4(value))).toBe(expected);
  });
});

describe('counts', () => {
  it.each([
    ['10.00', 1000],
    ['10', 1000],
    ['0.5', 50],
    ['0.01', 1],
    ['33896.00', 3389600],
    ['1.0000', 100],
  ])('parseCountFp %s → %d', (input, expected) => {
    expect(parseCountFp(input)).toBe(expected);
  });

  it.each(['-1.00', '0.001', '1.5e2', '', '1,000.00'])('parseCountFp rejects %j', (input) => {
    expect(() => parseCountFp(input, 'count_fp')).toThrow(FixedPointError);
  });

  it('allows a sign only through the signed parser', () => {
    expect(parseSignedCountFp('-54.00')).toBe(-5400);
    expect(parseSignedCountFp('12.50')).toBe(1250);
    expect(Object.is(parseSignedCountFp('-0.00'), 0)).toBe(true);
    expect(() => parseCountFp('-54.00', 'delta_fp')).toThrow('delta_fp: must not be negative');
    expect(() => parseSignedCountFp('--1')).toThrow(FixedPointError);
  });

  it.each([
    [1000, '10.00'],
    [1, '0.01'],
    [0, '0.00'],
    [-5, '-0.05'],
    [-5400, '-54.00'],
  ])('formatCountFp %d → %s', (value, expected) => {
    expect(formatCountFp(signedCountE2(value))).toBe(expected);
  });

  it('rejects counts beyond the safe integer range', () => {
    expect(() => parseCountFp('90071992547409.92')).toThrow('out of the safe integer range');
    expect(parseCountFp('90071992547409.91')).toBe(MAX);
  });
});

describe('money', () => {
  it.each([
    ['1234.5678', 1_234_567_800],
    ['-12.5', -12_500_000],
    ['0.000001', 1],
    ['0.0000010', 1],
    ['-0.000001', -1],
    ['0', 0],
  ])('parseMoneyDollars %s → %d', (input, expected) => {
    expect(parseMoneyDollars(input)).toBe(expected);
  });

  it.each(['0.0000001', '1.2.3', '--1', '-', '$1', '1e6'])('parseMoneyDollars rejects %j', (input) => {
    expect(() => parseMoneyDollars(input, 'balance_dollars')).toThrow(/^balance_dollars: /);
  });

  it.each([
    [1_500_000, '1.500000'],
    [-1, '-0.000001'],
    [0, '0.000000'],
    [-12_500_000, '-12.500000'],
  ])('formatMoneyDollars %d → %s', (value, expected) => {
    expect(formatMoneyDollars(moneyE6(value))).toBe(expected);
  });
});

describe('constructors', () => {
  it.each([0.5, NaN, Infinity, -1, 10001, MAX + 1])('priceE4 rejects %d', (n) => {
    expect(() => priceE4(n)).toThrow(FixedPointError);
  });
  it.each([0.5, NaN, -1, MAX + 1])('countE2 rejects %d', (n) => {
    expect(() => countE2(n)).toThrow(FixedPointError);
  });
  it.each([0.5, NaN, -Infinity, MAX + 1])('moneyE6 rejects %d', (n) => {
    expect(() => moneyE6(n)).toThrow(FixedPointError);
  });
});

describe('arithmetic', () => {
  it('price × count is money, exactly', () => {
    expect(notional(parsePriceDollars('0.5600'), parseCountFp('10.00'))).toBe(5_600_000);
    expect(notional(parsePriceDollars('0.0001'), parseCountFp('0.01'))).toBe(1);
    expect(Object.is(notional(priceE4(0), signedCountE2(-100)), 0)).toBe(true);
  });

  it('throws instead of overflowing', () => {
    expect(() => notional(priceE4(10000), countE2(MAX))).toThrow('notional');
    expect(() => addMoney(moneyE6(MAX), moneyE6(1))).toThrow('addMoney');
    expect(() => subMoney(moneyE6(-MAX), moneyE6(1))).toThrow('subMoney');
    expect(() => centsToMoney(MAX)).toThrow('centsToMoney');
    expect(() => centsToMoney(0.5)).toThrow('cents');
  });

  it('converts cents and complements prices', () => {
    expect(centsToMoney(123)).toBe(1_230_000);
    expect(centsToMoney(-5)).toBe(-50_000);
    expect(centsToPrice(56)).toBe(5600);
    expect(() => centsToPrice(101)).toThrow(FixedPointError);
    expect(priceToMoney(priceE4(5600))).toBe(560_000);
    expect(complementPrice(priceE4(5600))).toBe(4400);
  });

  it('adds, subtracts, negates and compares', () => {
    const a = moneyE6(3);
    const b = moneyE6(5);
    expect(subMoney(a, b)).toBe(-2);
    expect(Object.is(negMoney(moneyE6(0)), 0)).toBe(true);
    expect(sumMoney([a, b, moneyE6(-1)])).toBe(7);
    expect(sumMoney([])).toBe(0);
    expect(subCount(countE2(100), countE2(250))).toBe(-150);
    expect(compareFixed(a, b)).toBe(-1);
    expect(compareFixed(b, a)).toBe(1);
    expect(compareFixed(a, a)).toBe(0);
  });
});
