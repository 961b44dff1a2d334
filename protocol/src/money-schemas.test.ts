import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CountE2Schema,
  MoneyE6Schema,
  PriceE4Schema,
  SignedCountE2Schema,
  countFpString,
  moneyDollarsString,
  priceDollarsString,
  signedCountFpString,
} from './money-schemas.js';

describe('Kalshi decimal string schemas', () => {
  const Level = z.object({
    price: priceDollarsString('price'),
    count: countFpString('count'),
    delta: signedCountFpString('delta'),
    fee: moneyDollarsString('fee'),
  });

  it('transforms strings into integers', () => {
    expect(Level.parse({ price: '0.5600', count: '10.00', delta: '-54.00', fee: '0.017500' })).toEqual({
      price: 5600,
      count: 1000,
      delta: -5400,
      fee: 17500,
    });
  });

  it('reports the path and the reason of a bad value', () => {
    const result = Level.safeParse({ price: '0.56001', count: '1.00', delta: '0', fee: '0' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['price']);
    expect(result.error?.issues[0]?.message).toContain('more than 4 significant decimal places');
  });

  it('rejects JSON numbers unless told to accept them', () => {
    expect(priceDollarsString().safeParse(0.56).success).toBe(false);
    expect(priceDollarsString('p', { isJsonNumberAccepted: true }).parse(0.56)).toBe(5600);
    expect(countFpString('c', { isJsonNumberAccepted: true }).parse(136)).toBe(13600);
    // 1e-7 stringifies to "1e-7", which the strict grammar refuses rather than guesses at.
    expect(moneyDollarsString('m', { isJsonNumberAccepted: true }).safeParse(1e-7).success).toBe(false);
  });
});

describe('integer wire schemas', () => {
  const schemas = { PriceE4Schema, CountE2Schema, SignedCountE2Schema, MoneyE6Schema };
  it.each([
    ['PriceE4Schema', 0, true],
    ['PriceE4Schema', 10000, true],
    ['PriceE4Schema', 10001, false],
    ['PriceE4Schema', -1, false],
    ['PriceE4Schema', 0.5, false],
    ['PriceE4Schema', '5600', false],
    ['CountE2Schema', 0, true],
    ['CountE2Schema', -1, false],
    ['SignedCountE2Schema', -1, true],
    ['SignedCountE2Schema', Number.MAX_SAFE_INTEGER + 1, false],
    ['MoneyE6Schema', -123, true],
    ['MoneyE6Schema', 1.5, false],
    ['MoneyE6Schema', Number.NaN, false],
  ] as const)('%s accepts %s: %s', (name, input, isValid) => {
    expect(schemas[name].safeParse(input).success).toBe(isValid);
  });
});
