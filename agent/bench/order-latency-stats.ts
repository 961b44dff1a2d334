/** The order-latency bench's arithmetic: the order price of its trivial strategy, and percentiles. */
import type { OrderBook } from '@pt/protocol';
import { topOfBook } from '@pt/protocol';

export interface LatencySample {
  /** Delta arrival → the connector hands the create to fetch. */
  handedMs: number;
  /** Delta arrival → the request is written to the socket. */
  writtenMs: number;
}

const ONE_CENT_E4 = 100;
const FAT_FINGER_MARGIN_E4 = 900;

/**
 * One cent under the best ask (an IOC bid there never crosses, so it neither fills nor rests), or
 * the mid rounded down to a cent when that is further than $0.09 from the mid (the default
 * fat-finger guard is $0.10 around it). Null without both sides.
 */
export function orderPrice(book: OrderBook | null): number | null {
  if (book === null) return null;
  const top = topOfBook(book);
  if (top.askPriceE4 === null || top.bidPriceE4 === null) return null;
  const midE4 = (top.askPriceE4 + top.bidPriceE4) / 2;
  const underAsk = top.askPriceE4 - ONE_CENT_E4;
  const price =
    underAsk - midE4 <= FAT_FINGER_MARGIN_E4 ? underAsk : Math.floor(midE4 / ONE_CENT_E4) * ONE_CENT_E4;
  return price >= ONE_CENT_E4 ? price : null;
}

/** Nearest-rank percentiles, in ms with two decimals. */
export function percentiles(valuesMs: readonly number[]): { p50: string; p99: string; max: string } {
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { p50: rank(0.5).toFixed(2), p99: rank(0.99).toFixed(2), max: (sorted.at(-1) ?? NaN).toFixed(2) };
}
