/**
 * Our fills as the connector ledgered them (kind `kalshi.fill`): from the WS stream (source
 * `kalshi.ws`, payload = the frame's `msg`) and from REST reconciliation (source `kalshi.rest`,
 * payload = a VenueFillView). Each row is parsed again here: a stored row is input like any other.
 */
import { MarketTicker } from '@pt/protocol';
import { z } from 'zod';
import { REST_FILL_KIND, REST_FILL_SOURCE } from '../connectors/kalshi/reconcile/reconciler.js';
import { FillFrame } from '../connectors/kalshi/ws/frames/account-schemas.js';
import { WS_LEDGER_SOURCE } from '../connectors/kalshi/ws/ledger-sink.js';
import type { WsFill } from '../connectors/kalshi/ws/types.js';
import type { LedgerEvent } from '../store/index.js';

export const FILL_KIND = REST_FILL_KIND;

export interface PortfolioFill {
  /** The ledger row's (source, source_event_id). */
  readonly source: string;
  readonly key: string;
  readonly ledgerId: number;
  readonly orderId: string;
  /** The WS fill's trade id (the venue's trade); null for a REST fill. */
  readonly tradeId: string | null;
  /** The REST fill id; null for a WS fill. */
  readonly fillId: string | null;
  readonly clientOrderId: string | null;
  readonly ticker: MarketTicker;
  readonly side: 'bid' | 'ask';
  readonly yesPriceE4: number;
  readonly countE2: number;
  readonly feeE6: number;
  readonly isTaker: boolean;
  readonly postPositionE2: number | null;
  /** The venue's time; the ledger's ingest time when the venue omitted it. */
  readonly executedAtMs: number;
}

const WsFillMsg = FillFrame.shape.msg;

const RestFillPayload = z.object({
  fillId: z.string().min(1),
  orderId: z.string().min(1),
  ticker: MarketTicker,
  side: z.enum(['bid', 'ask']),
  priceE4: z.int().min(0).max(10_000),
  countE2: z.int().positive(),
  feeE6: z.int(),
  isTaker: z.boolean(),
  createdAtMs: z.int().nonnegative().nullable(),
});

/** The fill of one ledger row, or null for a row that is not one of our fills or does not parse. */
export function fillFromLedger(row: LedgerEvent): PortfolioFill | null {
  if (row.kind !== FILL_KIND) return null;
  const base = { source: row.source, key: row.sourceEventId, ledgerId: row.id };
  if (row.source === WS_LEDGER_SOURCE) {
    const parsed = WsFillMsg.safeParse(row.payload);
    if (!parsed.success) return null;
    const f = parsed.data;
    return {
      ...base,
      orderId: f.orderId,
      tradeId: f.tradeId,
      fillId: null,
      clientOrderId: f.clientOrderId,
      ticker: f.marketTicker,
      side: f.bookSide,
      yesPriceE4: f.yesPriceE4,
      countE2: f.countE2,
      feeE6: f.feeE6,
      isTaker: f.isTaker,
      postPositionE2: f.postPositionE2,
      executedAtMs: f.tsMs > 0 ? f.tsMs : (row.venueTsMs ?? row.ingestTsMs),
    };
  }
  if (row.source === REST_FILL_SOURCE) {
    const parsed = RestFillPayload.safeParse(row.payload);
    if (!parsed.success) return null;
    const f = parsed.data;
    return {
      ...base,
      orderId: f.orderId,
      tradeId: null,
      fillId: f.fillId,
      clientOrderId: null,
      ticker: f.ticker,
      side: f.side,
      yesPriceE4: f.priceE4,
      countE2: f.countE2,
      feeE6: f.feeE6,
      isTaker: f.isTaker,
      postPositionE2: null,
      executedAtMs: f.createdAtMs ?? row.venueTsMs ?? row.ingestTsMs,
    };
  }
  return null;
}

/** A fill as the stream delivered it, before its ledger row commits (`ledgerId` given by the caller). */
export function fillFromStream(fill: WsFill, nowMs: number, ledgerId: number): PortfolioFill {
  return {
    source: WS_LEDGER_SOURCE,
    key: `fill:${fill.tradeId}:${fill.orderId}`,
    ledgerId,
    orderId: fill.orderId,
    tradeId: fill.tradeId,
    fillId: null,
    clientOrderId: fill.clientOrderId,
    ticker: fill.marketTicker,
    side: fill.bookSide,
    yesPriceE4: fill.yesPriceE4,
    countE2: fill.countE2,
    feeE6: fill.feeE6,
    isTaker: fill.isTaker,
    postPositionE2: fill.postPositionE2,
    executedAtMs: fill.tsMs > 0 ? fill.tsMs : nowMs,
  };
}
