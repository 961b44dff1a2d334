/**
 * How venue events become ledger rows. The sourceEventId is built from the venue's own ids so the
 * same event seen twice (a replay after reconnect, a duplicate frame) is stored once:
 * - trade: the trade id;
 * - fill: trade id + order id (a self-cross fills two of our orders in one trade);
 * - user_order: order id + update time + status + filled + remaining (several updates can share a
 *   millisecond, but never with the same quantities and status);
 * - lifecycle: frame type + market/event + event type + a hash of the message (they carry no id).
 * Book deltas are NOT ledgered one by one (hundreds per second per market, and a book is
 * recoverable from the venue at any time); book snapshots (subscribe, re-seed after a gap) are,
 * as audit points. Positions and tickers are derived state and are not ledgered either.
 */
import { createHash } from 'node:crypto';
import type { LedgerEventInput } from '../../../store/index.js';
import { WS_LEDGER_SOURCE } from './ledger-sink.js';
import type { WsFill, WsLifecycle, WsTrade, WsUserOrder } from './types.js';

export function tradeRecord(trade: WsTrade, msg: unknown): LedgerEventInput {
  return {
    source: WS_LEDGER_SOURCE,
    sourceEventId: `trade:${trade.tradeId}`,
    kind: 'kalshi.trade',
    payload: msg,
    venueTsMs: trade.tsMs,
  };
}

export function fillRecord(fill: WsFill, msg: unknown): LedgerEventInput {
  return {
    source: WS_LEDGER_SOURCE,
    sourceEventId: `fill:${fill.tradeId}:${fill.orderId}`,
    kind: 'kalshi.fill',
    payload: msg,
    venueTsMs: fill.tsMs,
  };
}

export function userOrderRecord(order: WsUserOrder, msg: unknown): LedgerEventInput {
  const version = `${order.updatedTsMs}:${order.status}:${order.fillCountE2}:${order.remainingCountE2}`;
  return {
    source: WS_LEDGER_SOURCE,
    sourceEventId: `order:${order.orderId}:${version}`,
    kind: 'kalshi.user_order',
    payload: msg,
    venueTsMs: order.updatedTsMs,
  };
}

export function lifecycleRecord(frameType: string, lifecycle: WsLifecycle): LedgerEventInput {
  const digest = createHash('sha256').update(JSON.stringify(lifecycle.raw)).digest('hex').slice(0, 32);
  const subject = lifecycle.marketTicker ?? lifecycle.eventTicker ?? '-';
  return {
    source: WS_LEDGER_SOURCE,
    sourceEventId: `${frameType}:${subject}:${lifecycle.eventType}:${digest}`,
    kind: `kalshi.${frameType}`,
    payload: lifecycle.raw,
    venueTsMs: null,
  };
}

export function snapshotRecord(
  ticker: string,
  sid: number,
  seq: number,
  receivedAtMs: number,
  msg: unknown,
): LedgerEventInput {
  return {
    source: WS_LEDGER_SOURCE,
    // Snapshots have no venue id; the receive time and the sid/seq make each one its own row.
    sourceEventId: `snapshot:${ticker}:${receivedAtMs}:${sid}:${seq}`,
    kind: 'kalshi.orderbook_snapshot',
    payload: msg,
    venueTsMs: null,
  };
}
