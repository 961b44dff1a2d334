import { moneyE6 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { formatHitRate, formatPnl, formatUtc } from './format-backtest.js';

describe('backtest figures as text', () => {
  it('hit rate from basis points, a dash without round trips', () => {
    expect(formatHitRate(10_000)).toBe('100.00%');
    expect(formatHitRate(3_333)).toBe('33.33%');
    expect(formatHitRate(5)).toBe('0.05%');
    expect(formatHitRate(null)).toBe('—');
  });

  it('P&L with its sign, rounded to the cent', () => {
    expect(formatPnl(moneyE6(30_000))).toBe('+$0.03');
    expect(formatPnl(moneyE6(-1_204_999))).toBe('-$1.20');
    expect(formatPnl(moneyE6(4_000))).toBe('$0.00');
  });

  it('UTC time to the minute', () => {
    expect(formatUtc(1_764_000_000_000)).toBe('2025-11-24 16:00 UTC');
  });
});
