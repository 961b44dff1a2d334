/**
 * Builders for risk tests (imported by *.test.ts only): one active, quotable market with $1,000 of
 * cash and nothing else, which any test overrides field by field.
 */
import { MarketTicker, countE2, moneyE6, priceE4, signedCountE2 } from '@pt/protocol';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './settings.js';
import type { z } from 'zod';
import type {
  BookQuote,
  ContractSide,
  MarketPosition,
  MarketState,
  OrderAction,
  OrderIntent,
  RestingOrder,
  RiskSnapshot,
} from './types.js';

export const NOW_MS = 1_800_000_000_000;
export const HOUR_MS = 3_600_000;

export function ticker(name: string): MarketTicker {
  return MarketTicker.parse(name);
}
export const MKT = ticker('MKT-A');

export interface IntentSpec {
  ticker?: MarketTicker;
  side?: ContractSide;
  action?: OrderAction;
  countE2?: number;
  priceE4?: number;
  reduceOnly?: boolean;
}
export function intent(spec: IntentSpec = {}): OrderIntent {
  return {
    ticker: spec.ticker ?? MKT,
    side: spec.side ?? 'yes',
    action: spec.action ?? 'buy',
    countE2: countE2(spec.countE2 ?? 1_000),
    priceE4: priceE4(spec.priceE4 ?? 5_000),
    reduceOnly: spec.reduceOnly ?? false,
  };
}

export function resting(spec: IntentSpec = {}): RestingOrder {
  const { countE2: remainingCountE2, ticker: t, side, action, priceE4: p } = intent(spec);
  return { ticker: t, side, action, priceE4: p, remainingCountE2 };
}

export function position(t: MarketTicker, positionCountE2: number, costE6: number): MarketPosition {
  return { ticker: t, positionCountE2: signedCountE2(positionCountE2), costE6: moneyE6(costE6) };
}

export function book(t: MarketTicker, overrides: Partial<BookQuote> = {}): BookQuote {
  return {
    ticker: t,
    bestBidE4: priceE4(4_900),
    bestAskE4: priceE4(5_100),
    isQuotable: true,
    isStale: false,
    ...overrides,
  };
}

export function market(t: MarketTicker, overrides: Partial<MarketState> = {}): MarketState {
  return { ticker: t, status: 'active', closeTimeMs: NOW_MS + 24 * HOUR_MS, ...overrides };
}

/** A snapshot where every market in `tickers` (default MKT) is tradeable. */
export function snapshot(
  overrides: Partial<RiskSnapshot> = {},
  tickers: readonly MarketTicker[] = [MKT],
): RiskSnapshot {
  return {
    mode: 'active',
    nowMs: NOW_MS,
    isExchangePaused: false,
    positions: [],
    restingOrders: [],
    books: tickers.map((t) => book(t)),
    markets: tickers.map((t) => market(t)),
    events: [],
    balanceE6: moneyE6(1_000_000_000),
    todayRealizedPnlE6: moneyE6(0),
    todayMarkedPnlE6: moneyE6(0),
    recentOrderTimesMs: [],
    unknownOutcomeTickers: [],
    losingExits: [],
    ...overrides,
  };
}

/** Defaults with some limits replaced (plain integers, validated by the schema). */
export function settings(overrides: Partial<z.input<typeof RiskSettings>> = {}): RiskSettings {
  return RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, ...overrides });
}
