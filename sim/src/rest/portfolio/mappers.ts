import type { z } from 'zod';
import type { Balance, Fill, Order, OrderGroup, Position, Settlement } from '../../engine/index.js';
import { dollarsE4, dollarsE6, dollarsE6As4dp, fpE2, isoMs } from '../../lib/format.js';
import type * as S from './schemas.js';

const ONE_DOLLAR_E4 = 10_000;
const E6_PER_CENT = 10_000;
/** The simulator runs a single exchange shard (kalshi-api.md §3.1 allows shard 0 only). */
export const EXCHANGE_INDEX = 0;

// Legacy fields are still emitted (deprecated, not removed): bid ≡ buy YES, ask ≡ buy NO
// (DOC:order_direction table rows 1 and 3).
const outcomeOf = (side: 'bid' | 'ask') => (side === 'bid' ? 'yes' : 'no');

export function toWireOrder(order: Order): z.input<typeof S.Order> {
  return {
    order_id: order.orderId,
    user_id: order.userId,
    client_order_id: order.clientOrderId,
    ticker: order.ticker,
    side: outcomeOf(order.side),
    action: 'buy',
    outcome_side: outcomeOf(order.side),
    book_side: order.side,
    type: 'limit',
    status: order.status,
    yes_price_dollars: dollarsE4(order.priceE4),
    no_price_dollars: dollarsE4(ONE_DOLLAR_E4 - order.priceE4),
    fill_count_fp: fpE2(order.fillCountE2),
    remaining_count_fp: fpE2(order.remainingCountE2),
    initial_count_fp: fpE2(order.initialCountE2),
    taker_fill_cost_dollars: dollarsE6(order.takerFillCostE6),
    maker_fill_cost_dollars: dollarsE6(order.makerFillCostE6),
    taker_fees_dollars: dollarsE6(order.takerFeesE6),
    maker_fees_dollars: dollarsE6(order.makerFeesE6),
    expiration_time: order.expirationTimeMs === null ? null : isoMs(order.expirationTimeMs),
    created_time: isoMs(order.createdTimeMs),
    last_update_time: isoMs(order.lastUpdateTimeMs),
    self_trade_prevention_type: order.selfTradePrevention,
    order_group_id: order.orderGroupId,
    cancel_order_on_pause: order.shouldCancelOnPause,
    subaccount_number: order.subaccount,
    exchange_index: EXCHANGE_INDEX,
  };
}

export function toWireFill(fill: Fill): z.input<typeof S.Fill> {
  return {
    fill_id: fill.fillId,
    trade_id: fill.fillId, // legacy alias of fill_id (TS `Fill.trade_id`)
    order_id: fill.orderId,
    ticker: fill.ticker,
    market_ticker: fill.ticker,
    exchange_index: EXCHANGE_INDEX,
    side: outcomeOf(fill.side),
    action: 'buy',
    outcome_side: outcomeOf(fill.side),
    book_side: fill.side,
    count_fp: fpE2(fill.countE2),
    yes_price_dollars: dollarsE4(fill.yesPriceE4),
    no_price_dollars: dollarsE4(ONE_DOLLAR_E4 - fill.yesPriceE4),
    is_taker: fill.isTaker,
    created_time: isoMs(fill.createdTimeMs),
    fee_cost: dollarsE6(fill.feeE6),
    subaccount_number: 0,
    ts: Math.floor(fill.createdTimeMs / 1000),
  };
}

/**
 * `balance` is the AVAILABLE cash in integer cents, truncated (TS: "Member's available balance in
 * cents"); `balance_dollars` carries it at centi-cent precision (CL-JUN May 28 2026).
 * `portfolio_value` (cents) = collateral held by resting orders + open positions at cost, so
 * balance + portfolio_value is the account's value at cost.
 */
export function toWireBalance(balance: Balance, nowMs: number): z.input<typeof S.GetBalanceResponse> {
  return {
    balance: Math.trunc(balance.availableE6 / E6_PER_CENT),
    balance_dollars: dollarsE6As4dp(balance.availableE6),
    portfolio_value: Math.trunc((balance.reservedE6 + balance.positionsCostE6) / E6_PER_CENT),
    updated_ts: Math.floor(nowMs / 1000),
    balance_breakdown: [{ exchange_index: EXCHANGE_INDEX, balance: dollarsE6As4dp(balance.availableE6) }],
  };
}

export function toWireMarketPosition(position: Position): z.input<typeof S.MarketPosition> {
  return {
    ticker: position.ticker,
    exchange_index: EXCHANGE_INDEX,
    total_traded_dollars: dollarsE6(position.totalTradedE6),
    position_fp: fpE2(position.positionE2),
    market_exposure_dollars: dollarsE6(position.positionCostE6),
    realized_pnl_dollars: dollarsE6(position.realizedPnlE6),
    fees_paid_dollars: dollarsE6(position.feesPaidE6),
    last_updated_ts: isoMs(position.lastUpdatedMs),
  };
}

/** Event positions aggregate the event's market positions (cost, exposure, P&L, fees, volume). */
export function toWireEventPositions(
  positions: readonly Position[],
  eventTickerOf: (ticker: string) => string,
): z.input<typeof S.EventPosition>[] {
  const byEvent = new Map<
    string,
    { cost: number; shares: number; exposure: number; pnl: number; fees: number }
  >();
  for (const p of positions) {
    const eventTicker = eventTickerOf(p.ticker);
    const sum = byEvent.get(eventTicker) ?? { cost: 0, shares: 0, exposure: 0, pnl: 0, fees: 0 };
    sum.cost += p.totalTradedE6;
    sum.shares += p.volumeE2;
    sum.exposure += p.positionCostE6;
    sum.pnl += p.realizedPnlE6;
    sum.fees += p.feesPaidE6;
    byEvent.set(eventTicker, sum);
  }
  return [...byEvent].map(([eventTicker, sum]) => ({
    event_ticker: eventTicker,
    total_cost_dollars: dollarsE6(sum.cost),
    total_cost_shares_fp: fpE2(sum.shares),
    event_exposure_dollars: dollarsE6(sum.exposure),
    realized_pnl_dollars: dollarsE6(sum.pnl),
    fees_paid_dollars: dollarsE6(sum.fees),
  }));
}

export function toWireSettlement(settlement: Settlement): z.input<typeof S.Settlement> {
  return {
    ticker: settlement.ticker,
    exchange_index: EXCHANGE_INDEX,
    event_ticker: settlement.eventTicker,
    market_result: settlement.marketResult,
    yes_count_fp: fpE2(settlement.yesCountE2),
    yes_total_cost_dollars: dollarsE6(settlement.yesTotalCostE6),
    no_count_fp: fpE2(settlement.noCountE2),
    no_total_cost_dollars: dollarsE6(settlement.noTotalCostE6),
    revenue: Math.trunc(settlement.revenueE6 / E6_PER_CENT),
    settled_time: isoMs(settlement.settledTimeMs),
    fee_cost: dollarsE6(settlement.feeCostE6),
    // Payout of one YES contract in cents: 100 if YES won, 0 if NO won.
    value: settlement.marketResult === 'yes' ? 100 : 0,
  };
}

export function toWireOrderGroup(group: OrderGroup): z.input<typeof S.GetOrderGroupResponse> {
  return {
    is_auto_cancel_enabled: true,
    contracts_limit_fp: fpE2(group.contractsLimitE2),
    orders: group.orderIds,
    exchange_index: EXCHANGE_INDEX,
  };
}

/** Average fill price and fee per contract (6 dp), present only when something filled. */
export function fillAverages(fills: readonly Fill[]): {
  average_fill_price?: string;
  average_fee_paid?: string;
} {
  const countE2 = fills.reduce((sum, f) => sum + f.countE2, 0);
  if (countE2 === 0) return {};
  // Σ priceE4×countE2 / ΣcountE2 is the average PriceE4 (YES scale, as V2 prices are); ×100 → E6.
  const weightedPriceE4 = fills.reduce((sum, f) => sum + f.yesPriceE4 * f.countE2, 0);
  const feesE6 = fills.reduce((sum, f) => sum + f.feeE6, 0);
  return {
    average_fill_price: dollarsE6(Math.round((weightedPriceE4 * 100) / countE2)),
    average_fee_paid: dollarsE6(Math.round((feesE6 * 100) / countE2)),
  };
}
