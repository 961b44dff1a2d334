/**
 * The snapshot's arrays as lookups, built once per evaluation. Everything is keyed or summed, so the
 * order of positions, orders and events in the snapshot never changes a result.
 */
import { addMoney, moneyE6, signedCountE2 } from '@pt/protocol';
import type { CountE2, MarketTicker, MoneyE6 } from '@pt/protocol';
import { baseOf, legOf } from './exposure.js';
import type { Group, Leg, MarketBase } from './exposure.js';
import type { BookQuote, MarketState, RiskSnapshot } from './types.js';

export interface SnapshotIndex {
  /** Signed YES count per market (0 when absent). */
  readonly positionOf: (ticker: MarketTicker) => CountE2;
  readonly bases: ReadonlyMap<MarketTicker, MarketBase>;
  /** Every resting order as a leg. */
  readonly restingLegs: readonly Leg[];
  readonly groupOf: (ticker: MarketTicker) => Group;
  /** Every event group plus every standalone market with a position or a resting order. */
  readonly groups: readonly Group[];
  readonly books: ReadonlyMap<MarketTicker, BookQuote>;
  readonly markets: ReadonlyMap<MarketTicker, MarketState>;
  readonly unknownOutcomeTickers: ReadonlySet<MarketTicker>;
  /** The latest losing exit per market. */
  readonly lastLosingExitMs: ReadonlyMap<MarketTicker, number>;
}

/** Throws when a market is in two event groups or has two books or market states: a builder bug. */
export function indexSnapshot(snapshot: RiskSnapshot): SnapshotIndex {
  const totals = new Map<MarketTicker, { positionE2: CountE2; costE6: MoneyE6 }>();
  for (const position of snapshot.positions) {
    const total = totals.get(position.ticker) ?? { positionE2: signedCountE2(0), costE6: moneyE6(0) };
    totals.set(position.ticker, {
      positionE2: signedCountE2(total.positionE2 + position.positionCountE2),
      costE6: addMoney(total.costE6, position.costE6),
    });
  }
  const bases = new Map<MarketTicker, MarketBase>();
  for (const [ticker, total] of totals) bases.set(ticker, baseOf(total.positionE2, total.costE6));

  const restingLegs = snapshot.restingOrders.map((order) =>
    legOf({ ...order, countE2: order.remainingCountE2 }),
  );

  const eventOf = new Map<MarketTicker, Group>();
  const groups: Group[] = [];
  for (const event of snapshot.events) {
    const group: Group = {
      key: event.eventTicker,
      tickers: [...new Set(event.marketTickers)],
      isExhaustive: event.isExhaustive,
    };
    for (const ticker of group.tickers) {
      const other = eventOf.get(ticker);
      if (other !== undefined) {
        throw new Error(`risk snapshot: market ${ticker} is in events ${other.key} and ${group.key}`);
      }
      eventOf.set(ticker, group);
    }
    groups.push(group);
  }
  const groupOf = (ticker: MarketTicker): Group =>
    eventOf.get(ticker) ?? { key: ticker, tickers: [ticker], isExhaustive: false };
  const standalone = new Set([...totals.keys(), ...restingLegs.map((leg) => leg.ticker)]);
  for (const ticker of standalone) if (!eventOf.has(ticker)) groups.push(groupOf(ticker));

  const lastLosingExitMs = new Map<MarketTicker, number>();
  for (const exit of snapshot.losingExits) {
    lastLosingExitMs.set(exit.ticker, Math.max(exit.atMs, lastLosingExitMs.get(exit.ticker) ?? -Infinity));
  }

  return {
    positionOf: (ticker) => totals.get(ticker)?.positionE2 ?? signedCountE2(0),
    bases,
    restingLegs,
    groupOf,
    groups,
    books: byTicker(snapshot.books, 'book'),
    markets: byTicker(snapshot.markets, 'market'),
    unknownOutcomeTickers: new Set(snapshot.unknownOutcomeTickers),
    lastLosingExitMs,
  };
}

function byTicker<T extends { readonly ticker: MarketTicker }>(
  items: readonly T[],
  what: string,
): Map<MarketTicker, T> {
  const map = new Map<MarketTicker, T>();
  for (const item of items) {
    if (map.has(item.ticker)) throw new Error(`risk snapshot: two ${what} entries for ${item.ticker}`);
    map.set(item.ticker, item);
  }
  return map;
}
