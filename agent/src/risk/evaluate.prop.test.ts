/**
 * Properties of the whole engine, checked against a brute-force reference that shares no code with
 * it: holdings kept as separate YES and NO counts (no netting, no YES-linear trick), every subset of
 * resting orders filled in full, every outcome of the event enumerated.
 */
import { countE2, notional, priceE4 } from '@pt/protocol';
import type { MarketTicker } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.js';
import { evaluateOrder } from './evaluate.js';
import { groupWorstCaseLoss } from './exposure.js';
import { totalExposureE6 } from './rules/exposure-limits.js';
import { openingCost } from './rules/balance.js';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './settings.js';
import { LARGE, SMALL, TICKERS, intentArb, settingsArb, snapshotArb } from './test-arbitraries.js';
import { intent, position, resting, snapshot } from './test-fixtures.js';
import type { ContractSide, OrderAction, RiskSnapshot } from './types.js';

interface Holding {
  yes: number;
  no: number;
  cash: number;
}
interface Fill {
  ticker: MarketTicker;
  side: ContractSide;
  action: OrderAction;
  priceE4: number;
  countE2: number;
}

function groupOf(snapshot: RiskSnapshot, ticker: MarketTicker) {
  const event = snapshot.events.find((e) => e.marketTickers.includes(ticker));
  return event === undefined
    ? { tickers: [ticker], isExhaustive: false }
    : { tickers: [...event.marketTickers], isExhaustive: event.isExhaustive };
}

/** Brute force: max over subsets of resting orders and outcomes of (cash paid − payout). */
function referenceWorstLoss(snapshot: RiskSnapshot, ticker: MarketTicker, extra: Fill | null): number {
  const { tickers, isExhaustive } = groupOf(snapshot, ticker);
  const orders: Fill[] = snapshot.restingOrders
    .filter((o) => tickers.includes(o.ticker))
    .map((o) => ({ ...o, countE2: o.remainingCountE2 }));
  const winners: (MarketTicker | null)[] = [...tickers];
  if (!isExhaustive) winners.push(null);
  let worst = -Infinity;
  for (let mask = 0; mask < 1 << orders.length; mask++) {
    const holdings = new Map<MarketTicker, Holding>(tickers.map((t) => [t, { yes: 0, no: 0, cash: 0 }]));
    for (const p of snapshot.positions) {
      const h = holdings.get(p.ticker);
      if (h === undefined) continue;
      if (p.positionCountE2 > 0) h.yes += p.positionCountE2;
      else h.no -= p.positionCountE2;
      h.cash += p.costE6;
    }
    const fills = orders.filter((_, i) => (mask & (1 << i)) !== 0);
    if (extra !== null) fills.push(extra);
    for (const f of fills) {
      const h = holdings.get(f.ticker);
      if (h === undefined) continue;
      const sign = f.action === 'buy' ? 1 : -1;
      if (f.side === 'yes') h.yes += sign * f.countE2;
      else h.no += sign * f.countE2;
      h.cash += sign * f.priceE4 * f.countE2;
    }
    for (const winner of winners) {
      let loss = 0;
      for (const [t, h] of holdings) loss += h.cash - (t === winner ? h.yes : h.no) * 10_000;
      worst = Math.max(worst, loss);
    }
  }
  return worst;
}

function yesDirectionOf(order: { side: ContractSide; action: OrderAction }): 1 | -1 {
  return (order.side === 'yes') === (order.action === 'buy') ? 1 : -1;
}

function positionOf(snapshot: RiskSnapshot, ticker: MarketTicker): number {
  return snapshot.positions.filter((p) => p.ticker === ticker).reduce((sum, p) => sum + p.positionCountE2, 0);
}

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  const keyOf = (i: number) => keys[i % Math.max(1, keys.length)] ?? 0;
  return items
    .map((item, i) => ({ item, key: keyOf(i), i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map(({ item }) => item);
}

function shuffled(snapshot: RiskSnapshot, keys: readonly number[]): RiskSnapshot {
  return {
    ...snapshot,
    positions: permute(snapshot.positions, keys),
    restingOrders: permute(snapshot.restingOrders, keys),
    books: permute(snapshot.books, keys),
    markets: permute(snapshot.markets, keys),
    events: permute(snapshot.events, keys).map((e) => ({
      ...e,
      marketTickers: permute(e.marketTickers, keys),
    })),
    recentOrderTimesMs: permute(snapshot.recentOrderTimesMs, keys),
    unknownOutcomeTickers: permute(snapshot.unknownOutcomeTickers, keys),
    losingExits: permute(snapshot.losingExits, keys),
  };
}

function settingsAtMaximum(): RiskSettings {
  return RiskSettings.parse({
    ...DEFAULT_RISK_SETTINGS,
    maxOrderCountE2: 100_000_000,
    maxOrderNotionalE6: 10_000_000_000_000,
    maxPositionCountE2: 100_000_000,
    maxEventLossE6: 10_000_000_000_000,
    maxTotalExposureE6: 10_000_000_000_000,
    maxOpenOrders: 1_000,
    maxOrdersPerWindow: 10_000,
  });
}

describe('risk engine properties', () => {
  it('the exposure model equals the brute-force worst case over outcomes and partial fills', () => {
    fc.assert(
      fc.property(snapshotArb(SMALL), intentArb(SMALL), (snapshot, intent) => {
        const ctx = buildContext(intent, snapshot, DEFAULT_RISK_SETTINGS);
        const { beforeE6, afterE6 } = ctx.groupLoss();
        expect(beforeE6).toBe(referenceWorstLoss(snapshot, intent.ticker, null));
        // The intent as a working order: no fill, or a full fill (loss is linear in the fill).
        const full = referenceWorstLoss(snapshot, intent.ticker, { ...intent });
        expect(afterE6).toBe(Math.max(beforeE6, full));
      }),
      { numRuns: 1_500 },
    );
  });

  it('(1) REDUCING: an accepted order never grows |position| (even with our other exits) nor the event worst case', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        snapshotArb(SMALL, { mode: 'reducing', isTradeable: true }),
        intentArb(SMALL),
        settingsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (snapshot, intent, settings, fraction) => {
          if (!evaluateOrder(intent, snapshot, settings).ok) return;
          accepted++;
          const before = positionOf(snapshot, intent.ticker);
          const direction = yesDirectionOf(intent);
          // Our other orders on the market working the same way may fill too, all of them.
          const alongside = snapshot.restingOrders
            .filter((o) => o.ticker === intent.ticker && yesDirectionOf(o) === direction)
            .reduce((sum, o) => sum + o.remainingCountE2, 0);
          const worstBefore = referenceWorstLoss(snapshot, intent.ticker, null);
          for (const filled of [Math.max(1, Math.round(fraction * intent.countE2)), intent.countE2]) {
            for (const after of [before + direction * filled, before + direction * (filled + alongside)]) {
              expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(before));
              expect(Math.sign(after) * Math.sign(before)).toBeGreaterThanOrEqual(0);
            }
            const fill = { ...intent, countE2: filled };
            expect(referenceWorstLoss(snapshot, intent.ticker, fill)).toBeLessThanOrEqual(worstBefore);
          }
        },
      ),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('(2) HALTED: nothing is accepted, and the reason is the halt', () => {
    fc.assert(
      fc.property(
        snapshotArb(SMALL, { mode: 'halted' }),
        intentArb(SMALL),
        settingsArb,
        (snapshot, intent, s) => {
          expect(evaluateOrder(intent, snapshot, s)).toMatchObject({ ok: false, rule: 'TRADING_HALTED' });
        },
      ),
    );
  });

  it('(3) money math stays in safe integers at the largest bounded inputs', () => {
    const widest = settingsAtMaximum();
    fc.assert(
      fc.property(
        snapshotArb(LARGE, { isTradeable: true }),
        intentArb(LARGE),
        fc.constantFrom(widest, DEFAULT_RISK_SETTINGS),
        (snapshot, intent, settings) => {
          const decision = evaluateOrder(intent, snapshot, settings);
          if (!decision.ok) expect(decision.detail).not.toMatch(/NaN|Infinity|e[+-]\d|undefined/);
          const ctx = buildContext(intent, snapshot, settings);
          const { beforeE6, afterE6 } = ctx.groupLoss();
          const figures = [
            beforeE6,
            afterE6,
            totalExposureE6(ctx),
            openingCost(intent, ctx.index.positionOf(intent.ticker)).costE6,
            ...ctx.index.groups.map((g) => groupWorstCaseLoss(g, ctx.index.bases, ctx.index.restingLegs)),
          ];
          for (const figure of figures) expect(Number.isSafeInteger(figure)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('(3) the largest snapshot the bounds allow still evaluates to exact integers', () => {
    const max = 100_000_000;
    const biggest: RiskSnapshot = {
      ...snapshot({}, TICKERS),
      positions: TICKERS.map((t) => position(t, -max, notional(priceE4(9_999), countE2(max)))),
      // One fewer than the open-order limit, so every rule runs: 999 orders of $999,900 each.
      restingOrders: Array.from({ length: 999 }, (_, i) =>
        resting({
          ticker: TICKERS[i % TICKERS.length],
          side: i % 2 === 0 ? 'yes' : 'no',
          countE2: max,
          priceE4: 9_999,
        }),
      ),
      events: [{ eventTicker: 'EVT', marketTickers: TICKERS, isExhaustive: false }],
    };
    const widest = settingsAtMaximum();
    const order = intent({ countE2: max, priceE4: 9_999, side: 'no' });
    const ctx = buildContext(order, biggest, widest);
    const { beforeE6, afterE6 } = ctx.groupLoss();
    for (const figure of [beforeE6, afterE6, totalExposureE6(ctx)])
      expect(Number.isSafeInteger(figure)).toBe(true);
    expect(afterE6).toBeGreaterThanOrEqual(beforeE6);
    // MKT-A's resting orders are all YES buys: they, not this NO buy, set its worst |position| and
    // worst case, so the order passes every limit and fails only on cash ($999,900 > $1,000).
    const decision = evaluateOrder(order, biggest, widest);
    expect(decision).toMatchObject({ ok: false, rule: 'INSUFFICIENT_BALANCE' });
    if (!decision.ok) expect(decision.detail).not.toMatch(/NaN|Infinity|e[+-]\d/);
  });

  it('(4) deterministic, and independent of the order of everything in the snapshot', () => {
    fc.assert(
      fc.property(
        snapshotArb(SMALL),
        intentArb(SMALL),
        settingsArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 8 }),
        (snapshot, intent, settings, keys) => {
          const decision = evaluateOrder(intent, snapshot, settings);
          expect(evaluateOrder(intent, snapshot, settings)).toEqual(decision);
          expect(evaluateOrder(intent, shuffled(snapshot, keys), settings)).toEqual(decision);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
