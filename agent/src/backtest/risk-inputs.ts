/**
 * The live pre-trade risk engine's inputs, built from the backtest's state at one instant: the
 * account's positions (from the venue), the replayed books of the markets involved, the markets'
 * close times, cash free to open contracts, today's P&L (UTC day of the data's clock), our recent
 * order times and losing exits. Nothing of ours ever rests (IOC only), so no resting orders.
 */
import { countE2, moneyE6, priceE4, signedCountE2, type MarketTicker } from '@pt/protocol';
import type { Position } from '@pt/sim/engine';
import type { LosingExit, MarketPosition, OrderIntent, RiskSnapshot } from '../risk/types.js';
import type { IntentDecision, BookTopEvent } from '../strategies/core/types.js';
import type { BacktestMarket } from './replay-data.js';

/** The strategy's YES-book intent as the execution road hands it to risk (pre-trade.ts). */
export function riskIntentOf(ticker: MarketTicker, intent: IntentDecision): OrderIntent {
  return {
    ticker,
    side: 'yes',
    action: intent.side === 'bid' ? 'buy' : 'sell',
    countE2: countE2(intent.countE2),
    priceE4: priceE4(intent.priceE4),
    reduceOnly: intent.isReduceOnly,
  };
}

export interface SnapshotState {
  readonly nowMs: number;
  readonly positions: readonly Position[];
  /** Markets with a position, and the intent's: their replayed book and close time. */
  readonly involved: readonly { ticker: MarketTicker; market: BacktestMarket; book: BookTopEvent | null }[];
  /** Branded tickers of every market (parsed once at setup). */
  readonly tickerOf: (ticker: string) => MarketTicker;
  readonly availableE6: number;
  readonly todayPnlE6: number;
  readonly recentOrderTimesMs: readonly number[];
  readonly losingExits: readonly LosingExit[];
}

export function riskSnapshotOf(state: SnapshotState): RiskSnapshot {
  // The venue keeps a record for every market ever traded; a flat one weighs nothing in risk.
  const positions: MarketPosition[] = state.positions
    .filter((p) => p.positionE2 !== 0)
    .map((p) => ({
      ticker: state.tickerOf(p.ticker),
      positionCountE2: signedCountE2(p.positionE2),
      costE6: moneyE6(p.positionCostE6),
    }));
  return {
    mode: 'active',
    nowMs: state.nowMs,
    isExchangePaused: false,
    positions,
    restingOrders: [],
    books: state.involved.map(({ ticker, book }) => ({
      ticker,
      bestBidE4: book === null || book.bestBidE4 === null ? null : priceE4(book.bestBidE4),
      bestAskE4: book === null || book.bestAskE4 === null ? null : priceE4(book.bestAskE4),
      isQuotable: book?.isQuotable ?? false,
      // The replayed feed is live by construction; a quiet market is not a broken feed.
      isStale: false,
    })),
    markets: state.involved.map(({ ticker, market }) => ({
      ticker,
      status: state.nowMs <= market.closeTimeMs ? 'active' : 'closed',
      closeTimeMs: market.closeTimeMs,
    })),
    // Each market is its own group: the recorded data does not say which outcomes exclude each other.
    events: [],
    balanceE6: moneyE6(state.availableE6),
    todayRealizedPnlE6: moneyE6(0),
    todayMarkedPnlE6: moneyE6(state.todayPnlE6),
    recentOrderTimesMs: state.recentOrderTimesMs,
    unknownOutcomeTickers: [],
    losingExits: state.losingExits,
  };
}
