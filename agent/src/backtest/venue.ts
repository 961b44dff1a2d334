/**
 * The backtest's venue: an in-process simulator `Exchange` (the real matching engine, fees and
 * collateral) on the replay's clock. A market's book is rebuilt from the replayed quote only when
 * an order is about to go in: the seeded maker ladder of the sim (`MarketMaker`, 5 levels) is
 * re-posted around the latest recorded quote at or before now, then our order matches against it. Nothing
 * later than now is ever posted, because the caller only hands over quotes it has replayed.
 */
import { Exchange, type Fill } from '@pt/sim/engine';
import { MarketMaker } from '@pt/sim/replay/market-maker';
import type { BookTopEvent } from '../strategies/core/types.js';
import type { BacktestMarket } from './replay-data.js';

export const BACKTEST_USER_ID = 'backtest';
const MAKER_USER_ID = 'replay-maker';
/** The maker's cash: far more than any ladder needs ($100,000,000). */
const MAKER_CASH_E6 = 100_000_000_000_000;

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface VenueOrder {
  readonly ticker: string;
  readonly side: 'bid' | 'ask';
  readonly priceE4: number;
  readonly countE2: number;
  readonly isReduceOnly: boolean;
}

export type VenueResult =
  | { readonly kind: 'filled'; readonly fills: readonly Fill[]; readonly cashDeltaE6: number }
  | { readonly kind: 'not_filled' }
  | { readonly kind: 'rejected'; readonly code: string };

export class BacktestVenue {
  private readonly exchange: Exchange;
  /** One maker account per market: its collateral work then never grows with the markets touched. */
  private readonly makers = new Map<string, MarketMaker>();
  private readonly seed: number;
  private nowMs = 0;

  constructor(seed: number, startingCashE6: number) {
    this.exchange = new Exchange({ clock: () => this.nowMs, seed });
    this.seed = seed;
    this.exchange.deposit(BACKTEST_USER_ID, startingCashE6);
  }

  /** Markets are listed on first use: most replayed markets never see an order. */
  private list(market: BacktestMarket): MarketMaker {
    const known = this.makers.get(market.ticker);
    if (known !== undefined) return known;
    const added = this.exchange.addMarket({
      ticker: market.ticker,
      eventTicker: market.eventTicker,
      seriesTicker: market.seriesTicker,
      priceLevelStructure: 'linear_cent',
      priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
      fee: { feeType: 'quadratic', multiplierE4: 10_000 },
      status: 'active',
      closeTimeMs: market.closeTimeMs,
    });
    if (!added.ok) throw new Error(`backtest venue: market ${market.ticker} refused: ${added.error.message}`);
    const userId = `${MAKER_USER_ID}:${market.ticker}`;
    this.exchange.deposit(userId, MAKER_CASH_E6);
    const maker = new MarketMaker(this.exchange, userId, this.seed, quietLog);
    this.makers.set(market.ticker, maker);
    return maker;
  }

  /** Cash of the backtest account (MoneyE6, fees already taken). */
  get cashE6(): number {
    return this.exchange.balance(BACKTEST_USER_ID).balanceE6;
  }

  get availableE6(): number {
    return this.exchange.balance(BACKTEST_USER_ID).availableE6;
  }

  positions() {
    return this.exchange.positions(BACKTEST_USER_ID);
  }

  /**
   * Rebuilds the market's book around `quote` (the latest replayed top, time ≤ nowMs) and sends
   * `order` immediate-or-cancel: both strategies only send IOC, and nothing of ours ever rests.
   */
  place(nowMs: number, market: BacktestMarket, quote: BookTopEvent, order: VenueOrder): VenueResult {
    this.nowMs = nowMs;
    // Only the side our order can trade against is posted (a buy meets asks, a sell meets bids):
    // the other side cannot change an immediate-or-cancel fill, and half the ladder is half the work.
    const isBuy = order.side === 'bid';
    this.list(market).quote(
      market.ticker,
      {
        yesBidCents: isBuy ? 0 : (quote.bestBidE4 ?? 0) / 100,
        yesAskCents: isBuy ? (quote.bestAskE4 ?? 10_000) / 100 : 100,
      },
      market.depthScaleContracts,
    );
    const before = this.cashE6;
    const placed = this.exchange.placeOrder(BACKTEST_USER_ID, {
      ticker: order.ticker,
      side: order.side,
      priceE4: order.priceE4,
      countE2: order.countE2,
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'taker_at_cross',
      reduceOnly: order.isReduceOnly,
    });
    if (!placed.ok) return { kind: 'rejected', code: placed.error.code };
    if (placed.fills.length === 0) return { kind: 'not_filled' };
    return { kind: 'filled', fills: placed.fills, cashDeltaE6: this.cashE6 - before };
  }
}
