import type { BookSnapshot, Fill, MarketView, Order, Position, Trade } from '../engine/index.js';
import { dollarsE4, dollarsE6, fpE2, isoMs } from '../lib/format.js';
import { marketIdOf } from '../lib/market-id.js';

/**
 * Engine values → Kalshi WS `msg` bodies (kalshi-api.md §4.3), without the envelope (type, sid,
 * seq), which the subscription adds. Deprecated fields still present in the spec are sent too,
 * because 2026 clients still read some of them.
 */
const ONE_DOLLAR_E4 = 10_000;
const seconds = (ms: number): number => Math.floor(ms / 1000);
/** RFC 3339 at second resolution ("2022-11-22T20:44:01Z"), the deprecated `ts`/`time` form. */
let lastIsoSecond = -1;
let lastIsoText = '';
const isoSeconds = (ms: number): string => {
  // Frames come in bursts within one second: format each second once.
  const second = Math.floor(ms / 1000);
  if (second !== lastIsoSecond) {
    lastIsoSecond = second;
    lastIsoText = `${isoMs(second * 1000).slice(0, 19)}Z`;
  }
  return lastIsoText;
};
const outcomeOf = (side: 'bid' | 'ask'): 'yes' | 'no' => (side === 'bid' ? 'yes' : 'no');

export function bookDeltaMsg(
  ticker: string,
  side: 'yes' | 'no',
  priceE4: number,
  deltaE2: number,
  tsMs: number,
  isYesPrice: boolean,
): Record<string, unknown> {
  const price = side === 'no' && isYesPrice ? ONE_DOLLAR_E4 - priceE4 : priceE4;
  return {
    market_ticker: ticker,
    market_id: marketIdOf(ticker),
    price_dollars: dollarsE4(price),
    delta_fp: fpE2(deltaE2),
    side,
    ts: isoSeconds(tsMs),
    ts_ms: tsMs,
  };
}

/** Snapshot levels ascending (best bid last); an empty side's key is omitted, as on the real feed. */
export function bookSnapshotMsg(book: BookSnapshot, isYesPrice: boolean): Record<string, unknown> {
  const msg: Record<string, unknown> = { market_ticker: book.ticker, market_id: marketIdOf(book.ticker) };
  const yes = book.yes.map(([p, c]) => [dollarsE4(p), fpE2(c)]).reverse();
  const noLevels = book.no.map(([p, c]): [number, number] => [isYesPrice ? ONE_DOLLAR_E4 - p : p, c]);
  // On the YES scale a better NO bid is a lower price, so ascending order flips.
  const no = (isYesPrice ? noLevels : noLevels.reverse()).map(([p, c]) => [dollarsE4(p), fpE2(c)]);
  if (yes.length > 0) msg.yes_dollars_fp = yes;
  if (no.length > 0) msg.no_dollars_fp = no;
  return msg;
}

export function tickerMsg(view: MarketView, tsMs: number): Record<string, unknown> {
  return {
    market_id: marketIdOf(view.ticker),
    market_ticker: view.ticker,
    price_dollars: dollarsE4(view.lastPriceE4 ?? 0),
    yes_bid_dollars: dollarsE4(view.yesBidE4 ?? 0),
    yes_ask_dollars: dollarsE4(view.yesAskE4 ?? ONE_DOLLAR_E4),
    volume_fp: fpE2(view.volumeE2),
    open_interest_fp: fpE2(view.openInterestE2),
    // Legacy whole-dollar fields; the real captures show count / 2 for both (e.g. 13446 → 6723).
    dollar_volume: Math.floor(view.volumeE2 / 200),
    dollar_open_interest: Math.floor(view.openInterestE2 / 200),
    yes_bid_size_fp: fpE2(view.yesBidSizeE2),
    yes_ask_size_fp: fpE2(view.yesAskSizeE2),
    last_trade_size_fp: fpE2(view.lastTradeSizeE2),
    ts: seconds(tsMs),
    ts_ms: tsMs,
    time: isoSeconds(tsMs),
  };
}

export function tradeMsg(trade: Trade): Record<string, unknown> {
  const taker = outcomeOf(trade.takerSide);
  return {
    trade_id: trade.tradeId,
    market_ticker: trade.ticker,
    yes_price_dollars: dollarsE4(trade.yesPriceE4),
    no_price_dollars: dollarsE4(ONE_DOLLAR_E4 - trade.yesPriceE4),
    count_fp: fpE2(trade.countE2),
    taker_side: taker,
    taker_outcome_side: taker,
    taker_book_side: trade.takerSide,
    is_block_trade: false,
    ts: seconds(trade.createdTimeMs),
    ts_ms: trade.createdTimeMs,
  };
}

export function fillMsg(fill: Fill): Record<string, unknown> {
  const outcome = outcomeOf(fill.side);
  return {
    // Kalshi names a fill's own id `trade_id` on fills (REST `Fill.trade_id` = `fill_id`, legacy):
    // the WS fill carries the same id as the REST fill, so one fill seen on both is one fill.
    trade_id: fill.fillId,
    order_id: fill.orderId,
    ...(fill.clientOrderId === '' ? {} : { client_order_id: fill.clientOrderId }),
    market_ticker: fill.ticker,
    exchange_index: 0,
    is_taker: fill.isTaker,
    side: outcome,
    action: 'buy',
    purchased_side: outcome,
    outcome_side: outcome,
    book_side: fill.side,
    yes_price_dollars: dollarsE4(fill.yesPriceE4),
    count_fp: fpE2(fill.countE2),
    fee_cost: dollarsE6(fill.feeE6),
    ts: seconds(fill.createdTimeMs),
    ts_ms: fill.createdTimeMs,
    post_position_fp: fpE2(fill.postPositionE2),
    subaccount: 0,
  };
}

export function userOrderMsg(order: Order): Record<string, unknown> {
  const outcome = outcomeOf(order.side);
  return {
    order_id: order.orderId,
    user_id: order.userId,
    ticker: order.ticker,
    exchange_index: 0,
    status: order.status,
    side: outcome,
    is_yes: outcome === 'yes',
    outcome_side: outcome,
    book_side: order.side,
    yes_price_dollars: dollarsE4(order.priceE4),
    fill_count_fp: fpE2(order.fillCountE2),
    remaining_count_fp: fpE2(order.remainingCountE2),
    initial_count_fp: fpE2(order.initialCountE2),
    taker_fill_cost_dollars: dollarsE6(order.takerFillCostE6),
    maker_fill_cost_dollars: dollarsE6(order.makerFillCostE6),
    taker_fees_dollars: dollarsE6(order.takerFeesE6),
    maker_fees_dollars: dollarsE6(order.makerFeesE6),
    ...(order.clientOrderId === '' ? {} : { client_order_id: order.clientOrderId }),
    ...(order.orderGroupId === null ? {} : { order_group_id: order.orderGroupId }),
    self_trade_prevention_type: order.selfTradePrevention,
    created_time: isoMs(order.createdTimeMs),
    created_ts_ms: order.createdTimeMs,
    last_updated_ts_ms: order.lastUpdateTimeMs,
    ...(order.lastUpdateReason === null ? {} : { last_update_reason: order.lastUpdateReason }),
    ...(order.expirationTimeMs === null
      ? {}
      : { expiration_time: isoMs(order.expirationTimeMs), expiration_ts_ms: order.expirationTimeMs }),
    subaccount_number: order.subaccount,
  };
}

export function marketPositionMsg(position: Position): Record<string, unknown> {
  return {
    user_id: position.userId,
    market_ticker: position.ticker,
    position_fp: fpE2(position.positionE2),
    position_cost_dollars: dollarsE6(position.positionCostE6),
    realized_pnl_dollars: dollarsE6(position.realizedPnlE6),
    fees_paid_dollars: dollarsE6(position.feesPaidE6),
    volume_fp: fpE2(position.volumeE2),
    subaccount: 0,
  };
}
