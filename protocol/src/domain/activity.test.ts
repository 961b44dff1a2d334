import { describe, expect, it } from 'vitest';
import { ActivityEvent } from './activity.js';

const notTraded = {
  id: 'ledger-42',
  kind: 'not_traded',
  severity: 'info',
  message: 'Volatility Rider signal skipped: book for KXHIGHNY-25DEC27-B33.5 is 9 s old',
  atMs: 1766732594993,
  ticker: 'KXHIGHNY-25DEC27-B33.5',
  orderId: null,
  clientOrderId: null,
  strategyId: 'volatility-rider',
  notTradedReason: 'data_stale',
};

describe('ActivityEvent', () => {
  it('parses a why-not-traded entry', () => {
    expect(ActivityEvent.parse(notTraded).notTradedReason).toBe('data_stale');
  });

  it('requires the reason exactly for not_traded', () => {
    const missing = ActivityEvent.safeParse({ ...notTraded, notTradedReason: null });
    expect(missing.error?.issues[0]?.path).toEqual(['notTradedReason']);
    const stray = ActivityEvent.safeParse({ ...notTraded, kind: 'fill' });
    expect(stray.error?.issues[0]?.path).toEqual(['notTradedReason']);
    expect(ActivityEvent.safeParse({ ...notTraded, kind: 'fill', notTradedReason: null }).success).toBe(true);
  });
});
