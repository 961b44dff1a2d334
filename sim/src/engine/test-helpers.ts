import { Exchange } from './exchange.js';
import type { FeeSchedule, MarketSpec, PlaceOrderRequest } from './types.js';

/** Shared fixtures for the engine's tests: a manual clock, a linear_cent market, funded users. */
export interface ManualClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function manualClock(startMs = Date.UTC(2026, 10, 25, 12)): ManualClock {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms) => (nowMs += ms) };
}

export const TICKER = 'KXHIGHNY-25DEC27-B40.5';

export function marketSpec(overrides: Partial<MarketSpec> = {}, fee?: FeeSchedule): MarketSpec {
  return {
    ticker: TICKER,
    eventTicker: 'KXHIGHNY-25DEC27',
    seriesTicker: 'KXHIGHNY',
    priceLevelStructure: 'linear_cent',
    priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
    fee: fee ?? { feeType: 'quadratic', multiplierE4: 10_000 },
    ...overrides,
  };
}

/** An exchange with one market and users funded with $1,000 each. */
export function setup(users: readonly string[] = ['alice', 'bob', 'carol'], spec: MarketSpec = marketSpec()) {
  const clock = manualClock();
  const exchange = new Exchange({ clock: clock.now, seed: 7 });
  const added = exchange.addMarket(spec);
  if (!added.ok) throw new Error(added.error.details);
  for (const user of users) exchange.deposit(user, 1_000_000_000);
  return { exchange, clock };
}

/** A GTC order request: `bid('0.56', '10')`-style helpers keep tests readable. */
export function gtc(
  side: 'bid' | 'ask',
  priceE4: number,
  countE2: number,
  extra: Partial<PlaceOrderRequest> = {},
): PlaceOrderRequest {
  return {
    ticker: TICKER,
    side,
    priceE4,
    countE2,
    timeInForce: 'good_till_canceled',
    selfTradePrevention: 'taker_at_cross',
    ...extra,
  };
}
