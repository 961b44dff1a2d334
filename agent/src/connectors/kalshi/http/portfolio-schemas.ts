/**
 * Response schemas for portfolio reads (balance, positions, orders, fills, settlements), from the
 * 2026 API (kalshi-api.md §3.3; kalshi-typescript 3.30). Mixed units are deliberate: `balance`,
 * `portfolio_value` and settlement `revenue` are still integer cents on the wire.
 */
import { z } from 'zod';
import type { VenueFill, VenueMarketPosition, VenueOrder, VenueSettlement } from './types.js';
import * as w from './wire.js';

export const BalanceResponse = z
  .looseObject({
    balance_dollars: w.money('balance_dollars'),
    portfolio_value: w.centsMoney,
    updated_ts: z.int().optional(),
    balance: w.ignored,
    balance_breakdown: w.ignored,
  })
  .transform((b) => ({
    balanceE6: b.balance_dollars,
    portfolioValueE6: b.portfolio_value,
    // `updated_ts` is Unix seconds.
    updatedAtMs: b.updated_ts === undefined ? undefined : b.updated_ts * 1000,
  }));

const MarketPositionWire = z
  .looseObject({
    ticker: w.marketTicker,
    position_fp: w.signedCount('position_fp'),
    total_traded_dollars: w.money('total_traded_dollars'),
    market_exposure_dollars: w.money('market_exposure_dollars'),
    realized_pnl_dollars: w.money('realized_pnl_dollars'),
    fees_paid_dollars: w.money('fees_paid_dollars'),
    last_updated_ts: w.isoTimeMs.optional(),
    exchange_index: w.ignored,
  })
  .transform((p): VenueMarketPosition => ({
    ticker: p.ticker,
    positionE2: p.position_fp,
    totalTradedE6: p.total_traded_dollars,
    marketExposureE6: p.market_exposure_dollars,
    realizedPnlE6: p.realized_pnl_dollars,
    feesPaidE6: p.fees_paid_dollars,
    lastUpdatedAtMs: p.last_updated_ts,
  }));
const EventPositionWire = z
  .looseObject({
    event_ticker: w.eventTicker,
    total_cost_dollars: w.money('total_cost_dollars'),
    event_exposure_dollars: w.money('event_exposure_dollars'),
    realized_pnl_dollars: w.money('realized_pnl_dollars'),
    fees_paid_dollars: w.money('fees_paid_dollars'),
    total_cost_shares_fp: w.ignored,
  })
  .transform((e) => ({
    eventTicker: e.event_ticker,
    totalCostE6: e.total_cost_dollars,
    eventExposureE6: e.event_exposure_dollars,
    realizedPnlE6: e.realized_pnl_dollars,
    feesPaidE6: e.fees_paid_dollars,
  }));
export const PositionsResponse = z
  .looseObject({
    market_positions: z.array(MarketPositionWire),
    event_positions: z.array(EventPositionWire),
    cursor: w.cursor,
  })
  .transform((r) => ({
    marketPositions: r.market_positions,
    eventPositions: r.event_positions,
    cursor: r.cursor,
  }));

export const OrderWire = z
  .looseObject({
    order_id: w.orderId,
    client_order_id: z.string().optional(),
    ticker: w.marketTicker,
    outcome_side: w.outcomeSide,
    book_side: w.bookSide,
    status: z.enum(['resting', 'canceled', 'executed']),
    yes_price_dollars: w.price('yes_price_dollars'),
    no_price_dollars: w.price('no_price_dollars'),
    fill_count_fp: w.count('fill_count_fp'),
    remaining_count_fp: w.count('remaining_count_fp'),
    initial_count_fp: w.count('initial_count_fp'),
    taker_fill_cost_dollars: w.money('taker_fill_cost_dollars'),
    maker_fill_cost_dollars: w.money('maker_fill_cost_dollars'),
    taker_fees_dollars: w.money('taker_fees_dollars'),
    maker_fees_dollars: w.money('maker_fees_dollars'),
    created_time: w.isoTimeMs.optional(),
    last_update_time: w.isoTimeMs.optional(),
    order_group_id: z.string().nullable().optional(),
    user_id: w.ignored,
    side: w.ignored,
    action: w.ignored,
    type: w.ignored,
    expiration_time: w.ignored,
    self_trade_prevention_type: w.ignored,
    cancel_order_on_pause: w.ignored,
    subaccount_number: w.ignored,
    exchange_index: w.ignored,
    last_update_reason: w.ignored,
  })
  .transform((o): VenueOrder => ({
    orderId: o.order_id,
    clientOrderId: o.client_order_id === '' ? undefined : o.client_order_id,
    ticker: o.ticker,
    outcomeSide: o.outcome_side,
    bookSide: o.book_side,
    status: o.status,
    yesPriceE4: o.yes_price_dollars,
    noPriceE4: o.no_price_dollars,
    fillCountE2: o.fill_count_fp,
    remainingCountE2: o.remaining_count_fp,
    initialCountE2: o.initial_count_fp,
    takerFeesE6: o.taker_fees_dollars,
    makerFeesE6: o.maker_fees_dollars,
    takerFillCostE6: o.taker_fill_cost_dollars,
    makerFillCostE6: o.maker_fill_cost_dollars,
    createdAtMs: o.created_time,
    lastUpdateAtMs: o.last_update_time,
    orderGroupId: o.order_group_id ?? undefined,
  }));
export const OrdersResponse = z.looseObject({ orders: z.array(OrderWire), cursor: w.cursor });
export const OrderResponse = z.looseObject({ order: OrderWire });

const FillWire = z
  .looseObject({
    fill_id: z.string().min(1),
    order_id: w.orderId,
    ticker: w.marketTicker,
    outcome_side: w.outcomeSide,
    book_side: w.bookSide,
    count_fp: w.count('count_fp'),
    yes_price_dollars: w.price('yes_price_dollars'),
    no_price_dollars: w.price('no_price_dollars'),
    is_taker: z.boolean(),
    fee_cost: w.money('fee_cost'),
    created_time: w.isoTimeMs.optional(),
    trade_id: w.ignored,
    market_ticker: w.ignored,
    exchange_index: w.ignored,
    side: w.ignored,
    action: w.ignored,
    subaccount_number: w.ignored,
    ts: w.ignored,
  })
  .transform((f): VenueFill => ({
    fillId: f.fill_id,
    orderId: f.order_id,
    ticker: f.ticker,
    outcomeSide: f.outcome_side,
    bookSide: f.book_side,
    countE2: f.count_fp,
    yesPriceE4: f.yes_price_dollars,
    noPriceE4: f.no_price_dollars,
    isTaker: f.is_taker,
    feeCostE6: f.fee_cost,
    createdAtMs: f.created_time,
  }));
export const FillsResponse = z.looseObject({ fills: z.array(FillWire), cursor: w.cursor });

const SettlementWire = z
  .looseObject({
    ticker: w.marketTicker,
    event_ticker: w.eventTicker,
    market_result: z.enum(['yes', 'no', 'scalar']),
    yes_count_fp: w.count('yes_count_fp'),
    no_count_fp: w.count('no_count_fp'),
    yes_total_cost_dollars: w.money('yes_total_cost_dollars'),
    no_total_cost_dollars: w.money('no_total_cost_dollars'),
    revenue: w.centsMoney,
    fee_cost: w.money('fee_cost'),
    settled_time: w.isoTimeMs,
    exchange_index: w.ignored,
    value: w.ignored,
  })
  .transform((s): VenueSettlement => ({
    ticker: s.ticker,
    eventTicker: s.event_ticker,
    marketResult: s.market_result,
    yesCountE2: s.yes_count_fp,
    noCountE2: s.no_count_fp,
    yesTotalCostE6: s.yes_total_cost_dollars,
    noTotalCostE6: s.no_total_cost_dollars,
    revenueE6: s.revenue,
    feeCostE6: s.fee_cost,
    settledAtMs: s.settled_time,
  }));
export const SettlementsResponse = z.looseObject({ settlements: z.array(SettlementWire), cursor: w.cursor });
