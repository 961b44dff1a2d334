/**
 * What Flatten All reads from the venue, always over REST (never only local state): every
 * non-zero market position (all pages), the resting orders left after cancelling, a market's
 * status and whether the exchange trades. Reads that fail are retried a few times, then throw.
 */
import type { OrderId } from '@pt/protocol';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import { collectAll } from '../connectors/kalshi/http/paginate.js';
import type { KalshiHttp } from '../connectors/kalshi/http/index.js';
import type { EnvironmentRuntime } from '../environment/index.js';
import type { BookSource } from '../execution/warm-book.js';

/** The part of the connector a run uses (KalshiConnector has it all); its writes go through execution. */
export type FlattenVenue = BookSource & {
  readonly http: Pick<KalshiHttp, 'getPositions' | 'getOrders' | 'getMarket' | 'getExchangeStatus'>;
};

/** The runtime's current venue, if it is one the road can trade on. */
export function currentFlattenVenue(runtime: Pick<EnvironmentRuntime, 'current'>): FlattenVenue | null {
  const connector = runtime.current().venue?.connector;
  return connector instanceof KalshiConnector ? connector : null;
}

export interface VenuePosition {
  readonly ticker: string;
  readonly positionE2: number;
}

const PAGE = 1000;

/** Every non-zero market position on the venue, across all pages. */
export async function readPositions(venue: FlattenVenue): Promise<VenuePosition[]> {
  const positions = await collectAll(
    async (cursor) => {
      const page = await venue.http.getPositions({
        limit: PAGE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.marketPositions, cursor: page.cursor };
    },
    { endpoint: 'GET /portfolio/positions' },
  );
  return positions
    .filter((position) => position.positionE2 !== 0)
    .map((position) => ({ ticker: position.ticker, positionE2: position.positionE2 }));
}

/** Every resting order on the venue (ours and external), across all pages. */
export async function readResting(venue: FlattenVenue): Promise<{ orderId: OrderId; ticker: string }[]> {
  const orders = await collectAll(
    (cursor) =>
      venue.http.getOrders({ status: 'resting', limit: PAGE, ...(cursor === undefined ? {} : { cursor }) }),
    { endpoint: 'GET /portfolio/orders' },
  );
  return orders.map((order) => ({ orderId: order.orderId, ticker: order.ticker }));
}

/** Runs `read` up to `attempts` times, `pauseMs` apart; the last failure is thrown. */
export async function withRetries<T>(read: () => Promise<T>, attempts = 3, pauseMs = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await read();
    } catch (err) {
      lastError = err;
      if (attempt < attempts) await sleep(pauseMs);
    }
  }
  throw lastError;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error's message for a report line (never a stack). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
