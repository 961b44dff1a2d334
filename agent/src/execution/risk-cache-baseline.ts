/**
 * The risk cache's venue reads and mappings: the REST baseline (resting orders, then positions,
 * then balance) and the stream's account events as the fold's plain values.
 */
import { collectAll } from '../connectors/kalshi/http/paginate.js';
import type { VenueOrder } from '../connectors/kalshi/http/types.js';
import { fillKey } from '../connectors/kalshi/reconcile/types.js';
import type { WsFill, WsUserOrder } from '../connectors/kalshi/ws/types.js';
import type { AccountBaseline, CachedFill, CachedOrder } from './risk-cache-fold.js';
import type { ExecutionVenue } from './types.js';

export async function readBaseline(venue: ExecutionVenue, issuedAtMs: number): Promise<AccountBaseline> {
  // In this order on purpose: a fill counted in an order's fill count is then in the positions too.
  const resting = await collectAll((cursor) =>
    venue.http.getOrders({ status: 'resting', limit: 1000, ...(cursor === undefined ? {} : { cursor }) }),
  );
  const positions = await collectAll(async (cursor) => {
    const page = await venue.http.getPositions({ limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    return { items: page.marketPositions, cursor: page.cursor };
  });
  const balance = await venue.http.getBalance();
  return {
    balanceE6: balance.balanceE6,
    positions: positions.map((position) => ({
      ticker: position.ticker,
      positionCountE2: position.positionE2,
      costE6: position.marketExposureE6,
    })),
    restingOrders: resting.map(cachedFromRest),
    issuedAtMs,
  };
}

export function cachedFromRest(order: VenueOrder): CachedOrder {
  return {
    orderId: order.orderId,
    ticker: order.ticker,
    bookSide: order.bookSide,
    yesPriceE4: order.yesPriceE4,
    initialCountE2: order.initialCountE2,
    fillCountE2: order.fillCountE2,
    remainingCountE2: order.remainingCountE2,
    status: order.status,
    updatedTsMs: order.lastUpdateAtMs ?? order.createdAtMs ?? 0,
  };
}

/** `unknown` (a status the parser did not recognise) is counted as resting: the conservative reading. */
export function cachedFromWs(order: WsUserOrder): CachedOrder {
  return {
    orderId: order.orderId,
    ticker: order.marketTicker,
    bookSide: order.bookSide,
    yesPriceE4: order.yesPriceE4,
    initialCountE2: order.initialCountE2,
    fillCountE2: order.fillCountE2,
    remainingCountE2: order.remainingCountE2,
    status: order.status === 'unknown' ? 'resting' : order.status,
    updatedTsMs: order.updatedTsMs,
  };
}

export function fillFromWs(fill: WsFill): CachedFill {
  return {
    key: fillKey({ fillId: fill.tradeId, orderId: fill.orderId }),
    orderId: fill.orderId,
    ticker: fill.marketTicker,
    bookSide: fill.bookSide,
    yesPriceE4: fill.yesPriceE4,
    countE2: fill.countE2,
  };
}
