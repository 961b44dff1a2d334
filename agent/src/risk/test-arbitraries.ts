/**
 * fast-check generators for risk properties (imported by *.test.ts only). A small ticker pool makes
 * positions, resting orders and intents collide on the same markets and events.
 */
import { countE2, moneyE6, notional, priceE4, signedCountE2 } from '@pt/protocol';
import type { MarketTicker, TradingMode } from '@pt/protocol';
import fc from 'fast-check';
import { RiskSettings } from './settings.js';
import { NOW_MS, ticker } from './test-fixtures.js';
import type { EventGroup, OrderIntent, RestingOrder, RiskSnapshot } from './types.js';

export const TICKERS = ['MKT-A', 'MKT-B', 'MKT-C', 'MKT-D'].map(ticker);
const [A, B, C, D] = TICKERS as [MarketTicker, MarketTicker, MarketTicker, MarketTicker];

export interface Bounds {
  /** Largest |position| and order count, in 1/100 contracts. */
  readonly maxCountE2: number;
  readonly maxRestingOrders: number;
}
export const SMALL: Bounds = { maxCountE2: 3_000, maxRestingOrders: 4 };
/** The settings schema's own maxima: a million contracts per order and per market. */
export const LARGE: Bounds = { maxCountE2: 100_000_000, maxRestingOrders: 50 };

const tickerArb = fc.constantFrom(...TICKERS);
const priceArb = fc.integer({ min: 1, max: 9_999 }).map((n) => priceE4(n));
const sideArb = fc.constantFrom('yes' as const, 'no' as const);
const actionArb = fc.constantFrom('buy' as const, 'sell' as const);

export function intentArb(bounds: Bounds): fc.Arbitrary<OrderIntent> {
  return fc.record({
    ticker: tickerArb,
    side: sideArb,
    action: actionArb,
    countE2: fc.integer({ min: 1, max: bounds.maxCountE2 }).map((n) => countE2(n)),
    priceE4: priceArb,
    reduceOnly: fc.boolean(),
  });
}

function restingArb(bounds: Bounds): fc.Arbitrary<RestingOrder> {
  return intentArb(bounds).map(({ ticker: t, side, action, countE2: remainingCountE2, priceE4: p }) => ({
    ticker: t,
    side,
    action,
    priceE4: p,
    remainingCountE2,
  }));
}

const eventsArb: fc.Arbitrary<readonly EventGroup[]> = fc.oneof(
  fc.constant([]),
  fc.boolean().map((isExhaustive) => [{ eventTicker: 'EVT-ABC', marketTickers: [A, B, C], isExhaustive }]),
  fc.tuple(fc.boolean(), fc.boolean()).map(([first, second]) => [
    { eventTicker: 'EVT-AB', marketTickers: [A, B], isExhaustive: first },
    { eventTicker: 'EVT-CD', marketTickers: [C, D], isExhaustive: second },
  ]),
);

export interface SnapshotOptions {
  readonly mode?: TradingMode;
  /** Every market active with a fresh book, nothing pending: the exposure rules do the deciding. */
  readonly isTradeable?: boolean;
}

export function snapshotArb(bounds: Bounds, options: SnapshotOptions = {}): fc.Arbitrary<RiskSnapshot> {
  const { maxCountE2 } = bounds;
  const isTradeable = options.isTradeable ?? false;
  const positionArb = fc
    .record({
      ticker: tickerArb,
      s: fc.integer({ min: -maxCountE2, max: maxCountE2 }),
      averagePrice: priceArb,
    })
    .map(({ ticker: t, s, averagePrice }) => ({
      ticker: t,
      positionCountE2: signedCountE2(s),
      costE6: notional(averagePrice, countE2(Math.abs(s))),
    }));
  /** True one time in twelve: rare enough that the later rules get their turn, yet in every run. */
  const rareArb = isTradeable ? fc.constant(false) : fc.integer({ min: 0, max: 11 }).map((n) => n === 0);
  const statusArb = rareArb.chain((isRare) =>
    isRare ? fc.constantFrom('paused' as const, 'closed' as const) : fc.constant('active' as const),
  );
  // Mostly far from the close; sometimes inside any blackout, or past the close time.
  const closeTimeArb = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: NOW_MS + 3_600_000, max: NOW_MS + 172_800_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: NOW_MS - 60_000, max: NOW_MS + 3_600_000 }) },
  );
  const maxMoney = notional(priceE4(10_000), countE2(maxCountE2)) * 4;
  return fc.record({
    mode:
      options.mode === undefined
        ? fc.constantFrom(
            'active' as const,
            'active' as const,
            'active' as const,
            'reducing' as const,
            'halted' as const,
          )
        : fc.constant(options.mode),
    nowMs: fc.constant(NOW_MS),
    isExchangePaused: rareArb,
    positions: fc.uniqueArray(positionArb, { selector: (p) => p.ticker, maxLength: TICKERS.length }),
    restingOrders: fc.array(restingArb(bounds), { maxLength: bounds.maxRestingOrders }),
    books: fc
      .tuple(
        ...TICKERS.map((t) =>
          fc.record({
            ticker: fc.constant(t),
            bestBidE4: fc.option(priceArb, { nil: null, freq: 8 }),
            bestAskE4: fc.option(priceArb, { nil: null, freq: 8 }),
            isQuotable: rareArb.map((isRare) => !isRare),
            isStale: rareArb,
          }),
        ),
      )
      .map((books) =>
        isTradeable ? books.map((b) => ({ ...b, bestBidE4: b.bestBidE4 ?? priceE4(1) })) : books,
      ),
    markets: fc.tuple(
      ...TICKERS.map((t) =>
        fc.record({
          ticker: fc.constant(t),
          status: statusArb,
          closeTimeMs: closeTimeArb,
        }),
      ),
    ),
    events: eventsArb,
    balanceE6: fc.integer({ min: 0, max: maxMoney }).map((n) => moneyE6(n)),
    todayRealizedPnlE6: fc.integer({ min: -maxMoney, max: maxMoney }).map((n) => moneyE6(n)),
    todayMarkedPnlE6: fc.integer({ min: -maxMoney, max: maxMoney }).map((n) => moneyE6(n)),
    recentOrderTimesMs: fc.array(fc.integer({ min: NOW_MS - 120_000, max: NOW_MS }), { maxLength: 12 }),
    unknownOutcomeTickers: rareArb.chain((isRare) =>
      isRare ? fc.subarray(TICKERS, { maxLength: 1 }) : fc.constant<MarketTicker[]>([]),
    ),
    losingExits: fc.array(
      fc.record({ ticker: tickerArb, atMs: fc.integer({ min: NOW_MS - 900_000, max: NOW_MS }) }),
      { maxLength: 3 },
    ),
  });
}

/** Settings anywhere inside the schema's bounds, skewed small so that every rule gets its turn. */
export const settingsArb: fc.Arbitrary<RiskSettings> = fc
  .record({
    maxOrderCountE2: fc.integer({ min: 1, max: 5_000 }),
    maxOrderNotionalE6: fc.integer({ min: 1, max: 50_000_000 }),
    maxPositionCountE2: fc.integer({ min: 1, max: 6_000 }),
    maxEventLossE6: fc.integer({ min: 1, max: 100_000_000 }),
    maxTotalExposureE6: fc.integer({ min: 1, max: 200_000_000 }),
    maxOpenOrders: fc.integer({ min: 1, max: 8 }),
    maxOrdersPerWindow: fc.integer({ min: 1, max: 20 }),
    orderRateWindowMs: fc.integer({ min: 1_000, max: 120_000 }),
    lossCooldownMs: fc.integer({ min: 0, max: 900_000 }),
    dailyLossLimitE6: fc.integer({ min: 1, max: 100_000_000 }),
    preCloseBlackoutMs: fc.integer({ min: 0, max: 3_600_000 }),
  })
  .map((raw) => RiskSettings.parse(raw));
