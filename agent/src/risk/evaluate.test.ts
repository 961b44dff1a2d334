import { moneyE6 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { RULE_CHECKS, evaluateOrder } from './evaluate.js';
import { MKT, NOW_MS, book, intent, market, position, resting, settings, snapshot } from './test-fixtures.js';
import { RISK_RULES } from './types.js';
import type { RiskSnapshot } from './types.js';

describe('evaluateOrder', () => {
  it('runs the rules in the documented order, each exactly once', () => {
    expect(RULE_CHECKS.map(([rule]) => rule)).toEqual([...RISK_RULES]);
  });

  it('accepts an ordinary order', () => {
    expect(evaluateOrder(intent(), snapshot(), settings())).toEqual({ ok: true });
  });

  it('reports the first rule that denies, peeling one breach at a time', () => {
    const limits = settings({ maxOrderCountE2: 100, maxOpenOrders: 1, lossCooldownMs: 60_000 });
    const breaches = {
      mode: 'halted' as const,
      isExchangePaused: true,
      unknownOutcomeTickers: [MKT],
      markets: [market(MKT, { status: 'paused' })],
      books: [book(MKT, { isStale: true })],
      restingOrders: [resting({ countE2: 100, priceE4: 100 })],
      todayRealizedPnlE6: moneyE6(-1_000_000_000),
      losingExits: [{ ticker: MKT, atMs: NOW_MS }],
      balanceE6: moneyE6(0),
    };
    const fixes: [string, Partial<RiskSnapshot>][] = [
      ['TRADING_HALTED', { mode: 'active' }],
      ['EXCHANGE_PAUSED', { isExchangePaused: false }],
      ['UNKNOWN_OUTCOME_PENDING', { unknownOutcomeTickers: [] }],
      ['MARKET_NOT_ACTIVE', { markets: [market(MKT)] }],
      ['BOOK_STALE', { books: [book(MKT)] }],
      ['MAX_ORDER_SIZE', {}],
    ];
    let state: Partial<RiskSnapshot> = { ...breaches };
    for (const [rule, fix] of fixes) {
      expect(evaluateOrder(intent(), snapshot(state), limits)).toMatchObject({ ok: false, rule });
      state = { ...state, ...fix };
    }
    const small = intent({ countE2: 100 });
    const next: [string, Partial<RiskSnapshot>][] = [
      ['MAX_OPEN_ORDERS', { restingOrders: [] }],
      ['DAILY_LOSS_LIMIT', { todayRealizedPnlE6: moneyE6(0) }],
      ['LOSS_COOLDOWN', { losingExits: [] }],
      ['INSUFFICIENT_BALANCE', { balanceE6: moneyE6(1_000_000_000) }],
    ];
    for (const [rule, fix] of next) {
      expect(evaluateOrder(small, snapshot(state), limits)).toMatchObject({ ok: false, rule });
      state = { ...state, ...fix };
    }
    expect(evaluateOrder(small, snapshot(state), limits)).toEqual({ ok: true });
  });

  it('writes every denial as one sentence', () => {
    const denial = evaluateOrder(
      intent({ countE2: 50_000 }),
      snapshot({ positions: [position(MKT, 100, 50_000)] }),
      settings(),
    );
    expect(denial).toMatchObject({ ok: false, rule: 'MAX_ORDER_SIZE' });
    if (denial.ok) return;
    expect(denial.detail).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it('refuses a malformed intent or snapshot loudly instead of deciding on it', () => {
    expect(() => evaluateOrder({ ...intent(), countE2: 0 as never }, snapshot(), settings())).toThrow(
      RangeError,
    );
    const twoEvents = snapshot({
      events: [
        { eventTicker: 'E1', marketTickers: [MKT], isExhaustive: false },
        { eventTicker: 'E2', marketTickers: [MKT], isExhaustive: false },
      ],
    });
    expect(() => evaluateOrder(intent(), twoEvents, settings())).toThrow(/MKT-A is in events E1 and E2/);
    expect(() => evaluateOrder(intent(), snapshot({ books: [book(MKT), book(MKT)] }), settings())).toThrow(
      /two book entries/,
    );
  });
});
