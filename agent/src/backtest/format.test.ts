import { describe, expect, it } from 'vitest';
import { cents, contracts, dollars, percentBps } from './format.js';

describe('backtest formatting', () => {
  it('shows money exactly, with thousands and at least two decimals', () => {
    expect(dollars(1_000_150_000)).toBe('$1,000.15');
    expect(dollars(173_300)).toBe('$0.1733');
    expect(dollars(-280_000)).toBe('-$0.28');
    expect(dollars(0)).toBe('$0.00');
    expect(dollars(1)).toBe('$0.000001');
  });

  it('shows prices in cents, counts in contracts and basis points in percent', () => {
    expect(cents(5500)).toBe('55¢');
    expect(cents(5550)).toBe('55.5¢');
    expect(cents(50)).toBe('0.5¢');
    expect(contracts(1000)).toBe('10');
    expect(contracts(-250)).toBe('-2.5');
    expect(contracts(123_456_700)).toBe('1,234,567');
    expect(percentBps(6667)).toBe('66.67%');
    expect(percentBps(10_000)).toBe('100.00%');
    expect(percentBps(5)).toBe('0.05%');
    expect(percentBps(null)).toBe('—');
  });
});
