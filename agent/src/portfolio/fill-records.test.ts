/**
 * Ledger rows back into fills: the WS `fill` msg in the documented shape (kalshi-api.md §fill,
 * ids completed), the REST reconciliation's VenueFillView, and rows that are not our fills.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../store/index.js';
import { fillFromLedger } from './fill-records.js';

const wsMsg = {
  trade_id: 'd91bc706-4c1e-4b7a-9d43-2b1f0c9e6a11',
  order_id: 'ee587a1c-5b68-4f9f-9f02-9a2d1b8ac1a1',
  client_order_id: 'my-order-1',
  market_ticker: 'HIGHNY-22DEC23-B53.5',
  exchange_index: 2,
  is_taker: true,
  side: 'yes',
  yes_price_dollars: '0.7500',
  count_fp: '278.00',
  fee_cost: '0.010000',
  action: 'buy',
  ts: 1671899397,
  ts_ms: 1671899397000,
  post_position_fp: '500.00',
  purchased_side: 'yes',
  outcome_side: 'yes',
  book_side: 'bid',
  subaccount: 3,
};

function row(over: Partial<LedgerEvent>): LedgerEvent {
  return {
    id: 7,
    source: 'kalshi.ws',
    sourceEventId: 'fill:d91bc706-4c1e-4b7a-9d43-2b1f0c9e6a11:ee587a1c-5b68-4f9f-9f02-9a2d1b8ac1a1',
    kind: 'kalshi.fill',
    payload: wsMsg,
    venueTsMs: 1671899397000,
    ingestTsMs: 1671899397100,
    ...over,
  };
}

describe('fillFromLedger', () => {
  it('reads a WS fill in fixed point', () => {
    expect(fillFromLedger(row({}))).toMatchObject({
      source: 'kalshi.ws',
      ledgerId: 7,
      orderId: wsMsg.order_id,
      tradeId: wsMsg.trade_id,
      fillId: null,
      clientOrderId: 'my-order-1',
      ticker: 'HIGHNY-22DEC23-B53.5',
      side: 'bid',
      yesPriceE4: 7_500,
      countE2: 27_800,
      feeE6: 10_000,
      isTaker: true,
      postPositionE2: 50_000,
      executedAtMs: 1671899397000,
    });
  });

  it('reads a REST fill (the reconciler stores a VenueFillView)', () => {
    const payload = {
      fillId: '5f0e0c1a-2b3c-4d5e-8f70-8192a3b4c5d6',
      orderId: wsMsg.order_id,
      ticker: 'HIGHNY-22DEC23-B53.5',
      side: 'ask',
      priceE4: 7_400,
      countE2: 100,
      feeE6: 20_000,
      isTaker: false,
      createdAtMs: null,
    };
    expect(fillFromLedger(row({ source: 'kalshi.rest', payload, venueTsMs: null }))).toMatchObject({
      source: 'kalshi.rest',
      fillId: payload.fillId,
      tradeId: null,
      side: 'ask',
      yesPriceE4: 7_400,
      executedAtMs: 1671899397100,
    });
  });

  it('skips rows that are not our fills or no longer parse', () => {
    expect(fillFromLedger(row({ kind: 'kalshi.trade' }))).toBeNull();
    expect(fillFromLedger(row({ source: 'agent' }))).toBeNull();
    expect(fillFromLedger(row({ payload: { ...wsMsg, count_fp: '1.5' } }))).not.toBeNull();
    expect(fillFromLedger(row({ payload: { ...wsMsg, yes_price_dollars: 0.75 } }))).toBeNull();
  });
});
