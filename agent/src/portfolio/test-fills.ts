/** Test support: PortfolioFill values as either ledger source would store them. */
import { randomUUID } from 'node:crypto';
import type { MarketTicker } from '@pt/protocol';
import { REST_FILL_SOURCE } from '../connectors/kalshi/reconcile/reconciler.js';
import { WS_LEDGER_SOURCE } from '../connectors/kalshi/ws/ledger-sink.js';
import type { PortfolioFill } from './fill-records.js';

export interface Execution {
  orderId: string;
  ticker: string;
  side: 'bid' | 'ask';
  yesPriceE4: number;
  countE2: number;
  feeE6: number;
  atMs: number;
}

let nextId = 1;

/** The same execution as the WS stream ledgers it (keyed by trade id). */
export function wsCopy(e: Execution, tradeId = randomUUID()): PortfolioFill {
  return {
    source: WS_LEDGER_SOURCE,
    key: `fill:${tradeId}:${e.orderId}`,
    ledgerId: nextId++,
    orderId: e.orderId,
    tradeId,
    fillId: null,
    clientOrderId: null,
    ticker: e.ticker as MarketTicker,
    side: e.side,
    yesPriceE4: e.yesPriceE4,
    countE2: e.countE2,
    feeE6: e.feeE6,
    isTaker: true,
    postPositionE2: null,
    executedAtMs: e.atMs,
  };
}

/** The same execution as REST reconciliation ledgers it (keyed by a different fill id). */
export function restCopy(e: Execution, fillId = randomUUID()): PortfolioFill {
  return {
    ...wsCopy(e),
    source: REST_FILL_SOURCE,
    key: `fill:${fillId}:${e.orderId}`,
    tradeId: null,
    fillId,
  };
}
