import { countE2, moneyE6, priceE4, signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { formatContracts, formatDollars, formatDuration, formatGroup, formatPrice } from './format.js';
import { MKT, ticker } from './test-fixtures.js';

describe('format', () => {
  it('dollars: cents always, sub-cent digits only when present, thousands grouped', () => {
    expect(formatDollars(moneyE6(12_500_000))).toBe('$12.50');
    expect(formatDollars(moneyE6(0))).toBe('$0.00');
    expect(formatDollars(moneyE6(-3_500))).toBe('-$0.0035');
    expect(formatDollars(moneyE6(1_234_567_000_000))).toBe('$1,234,567.00');
  });
  it('prices', () => {
    expect(formatPrice(priceE4(5_600))).toBe('$0.56');
    expect(formatPrice(priceE4(5_625))).toBe('$0.5625');
    expect(formatPrice(priceE4(10_000))).toBe('$1.00');
  });
  it('contracts, singular only for exactly one', () => {
    expect(formatContracts(countE2(100))).toBe('1 contract');
    expect(formatContracts(countE2(150))).toBe('1.5 contracts');
    expect(formatContracts(countE2(0))).toBe('0 contracts');
    expect(formatContracts(signedCountE2(-2_000))).toBe('-20 contracts');
  });
  it('durations round up to the second', () => {
    expect(formatDuration(270_000)).toBe('4m 30s');
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(1)).toBe('1s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(3_661_000)).toBe('1h 1m 1s');
  });
  it('groups: an event by its ticker, a market in no event by its own', () => {
    expect(formatGroup({ key: 'EVT', tickers: [MKT, ticker('MKT-B')], isExhaustive: true })).toBe(
      'event EVT',
    );
    expect(formatGroup({ key: 'EVT', tickers: [MKT], isExhaustive: false })).toBe('event EVT');
    expect(formatGroup({ key: MKT, tickers: [MKT], isExhaustive: false })).toBe('MKT-A');
  });
});
