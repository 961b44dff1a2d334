import { describe, expect, it } from 'vitest';
import { isPriceOnGrid, priceRangesForStructure, validatePriceRanges } from './price-grid.js';
import { gtc, marketSpec, setup } from './test-helpers.js';

function grid(structure: string) {
  const ranges = priceRangesForStructure(structure);
  if (!ranges) throw new Error(`no ranges for ${structure}`);
  return ranges;
}

describe('price grid', () => {
  it('linear_cent accepts 0.01..0.99 on the cent only', () => {
    const ranges = grid('linear_cent');
    expect(isPriceOnGrid(100, ranges)).toBe(true);
    expect(isPriceOnGrid(9900, ranges)).toBe(true);
    expect(isPriceOnGrid(5650, ranges)).toBe(false);
    expect(isPriceOnGrid(0, ranges)).toBe(false);
    expect(isPriceOnGrid(10_000, ranges)).toBe(false);
  });

  it('tapered_deci_cent has 0.001 ticks only in the tails', () => {
    const ranges = grid('tapered_deci_cent');
    expect(isPriceOnGrid(550, ranges)).toBe(true); // 0.055
    expect(isPriceOnGrid(9950, ranges)).toBe(true); // 0.995
    expect(isPriceOnGrid(5010, ranges)).toBe(false); // 0.501 in the cent band
    expect(isPriceOnGrid(5000, ranges)).toBe(true);
    expect(isPriceOnGrid(1000, ranges)).toBe(true); // shared band endpoint
  });

  it('deci_cent accepts 0.001 everywhere but not 0.0001', () => {
    const ranges = grid('deci_cent');
    expect(isPriceOnGrid(5010, ranges)).toBe(true);
    expect(isPriceOnGrid(5015, ranges)).toBe(false);
  });

  it('returns null for structures whose ticks are unconfirmed', () => {
    expect(priceRangesForStructure('banded_centi_cent')).toBeNull();
  });

  it('rejects malformed ranges with the offending field', () => {
    expect(validatePriceRanges([])).toMatch(/empty/);
    expect(validatePriceRanges([{ startE4: 0, endE4: 10_000, stepE4: 0 }])).toMatch(/step/);
    expect(validatePriceRanges([{ startE4: 0, endE4: 12_000, stepE4: 100 }])).toMatch(/out of/);
    expect(validatePriceRanges(grid('tapered_deci_cent'))).toBeNull();
  });

  it('rejects off-grid and out-of-range orders as invalid_order, never clamping', () => {
    const { exchange } = setup(
      ['alice'],
      marketSpec({ priceLevelStructure: 'tapered_deci_cent', priceRanges: grid('tapered_deci_cent') }),
    );
    for (const priceE4 of [5010, 0, 10_000, -100, 555]) {
      const placed = exchange.placeOrder('alice', gtc('bid', priceE4, 100));
      expect(placed.ok, `price ${priceE4}`).toBe(false);
      if (!placed.ok) expect(placed.error.code).toBe('invalid_order');
    }
    expect(exchange.placeOrder('alice', gtc('bid', 550, 100)).ok).toBe(true);
    expect(exchange.listOrders('alice')).toHaveLength(1);
  });
});
