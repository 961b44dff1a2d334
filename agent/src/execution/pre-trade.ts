/**
 * The checks before an order is recorded and sent, cheapest first: the effective trading state
 * (halted denies everything new), the fat-finger guard against the book mid, then the risk engine
 * on a snapshot: from memory (risk-cache.ts) when it is ready, else captured now over REST. A
 * denial is a value; a venue that cannot answer the snapshot reads throws VENUE_UNAVAILABLE
 * (nothing recorded, nothing sent).
 */
import type { MarketTicker, Order, OrderSide, TradingState } from '@pt/protocol';
import { countE2, priceE4 } from '@pt/protocol';
import { evaluateOrder, type OrderIntent, type RiskSettings } from '../risk/index.js';
import { checkFatFinger } from './fat-finger.js';
import type { OrderJournal } from './order-journal.js';
import type { RiskCache } from './risk-cache.js';
import { captureRiskSnapshot, type SnapshotInputs } from './risk-inputs.js';
import type { Denial, ExecutionVenue, PortfolioRiskInputs } from './types.js';

export interface PreTradeOrder {
  ticker: MarketTicker;
  side: OrderSide;
  priceE4: number;
  /** What would newly rest: the order's count, or an amend's new remaining. */
  countE2: number;
}

export interface PreTradeExtra {
  /** null = no fat-finger check (a count-only amend); undefined = the default limit. */
  maxSlippageE4: number | null | undefined;
  reduceOnly: boolean;
  /** The order an amend replaces: left out of the snapshot's resting orders. */
  excludeOrderId: string | undefined;
}

export interface PreTradeContext {
  venue: ExecutionVenue;
  tradingState: TradingState;
  /** Our working orders (finished ones may be included; they are ignored). */
  ourOrders: readonly Order[];
  /** Every order's creation time (order rate); default `ourOrders`'. */
  recentOrderTimesMs?: readonly number[] | undefined;
  unknownOutcomeTickers: readonly MarketTicker[];
  settings: RiskSettings;
  /** Today's P&L and losing exits; undefined = zeros and none. */
  portfolio: PortfolioRiskInputs | undefined;
  defaultMaxSlippageE4: number;
  nowMs: number;
  /** The in-memory snapshot (risk-cache.ts); absent or not ready = REST capture. */
  riskCache?: RiskCache | undefined;
}

export async function preTradeCheck(
  order: PreTradeOrder,
  extra: PreTradeExtra,
  ctx: PreTradeContext,
): Promise<Denial | null> {
  const state = ctx.tradingState;
  if (state.mode === 'halted') return { rule: 'TRADING_HALTED', detail: `Trading halted: ${state.reason}` };
  const maxSlippage = extra.maxSlippageE4 === undefined ? ctx.defaultMaxSlippageE4 : extra.maxSlippageE4;
  if (maxSlippage !== null) {
    const fatFinger = checkFatFinger(ctx.venue.quotableBook(order.ticker), order.priceE4, maxSlippage);
    if (fatFinger !== null) return fatFinger;
  }
  const inputs: SnapshotInputs = {
    venue: ctx.venue,
    ticker: order.ticker,
    ourOrders: ctx.ourOrders,
    recentOrderTimesMs: ctx.recentOrderTimesMs,
    unknownOutcomeTickers: ctx.unknownOutcomeTickers,
    excludeOrderId: extra.excludeOrderId,
    nowMs: ctx.nowMs,
    tradingState: state,
    portfolio: ctx.portfolio,
  };
  const snapshot = (await ctx.riskCache?.capture(inputs)) ?? (await captureRiskSnapshot(inputs));
  const intent: OrderIntent = {
    ticker: order.ticker,
    side: 'yes',
    action: order.side === 'bid' ? 'buy' : 'sell',
    countE2: countE2(order.countE2),
    priceE4: priceE4(order.priceE4),
    reduceOnly: extra.reduceOnly,
  };
  const decision = evaluateOrder(intent, snapshot, ctx.settings);
  return decision.ok ? null : { rule: decision.rule, detail: decision.detail };
}

/** Markets blocked by an unresolved outcome: our unknown orders, and lost creates the connector still resolves. */
export function unknownOutcomeTickers(
  venue: ExecutionVenue,
  journal: Pick<OrderJournal, 'unknownTickers'>,
): MarketTicker[] {
  const local = venue.local.read();
  const fromLocal = 'then' in local ? [] : local.unknownIntents.map((intent) => intent.ticker);
  return [...new Set([...journal.unknownTickers(), ...fromLocal])];
}
