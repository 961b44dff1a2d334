/**
 * Chart points from books, and the bounded live series. A point is the YES mid (best bid and best
 * ask) as a probability in percent, for display only (state stays fixed point); one point per second
 * (a later book in the same second replaces it). The series keeps at most `max` points: past it,
 * the oldest are rolled off and the chart gets the whole (shorter) series once (`reset`), because
 * lightweight-charts' update costs time proportional to the series length.
 */
import type { OrderBook } from '@pt/protocol';

export interface ChartPoint {
  /** Unix seconds (lightweight-charts' UTCTimestamp). */
  readonly time: number;
  readonly value: number;
}

export const MAX_CHART_POINTS = 2_000;
/** Points kept when the series rolls over. */
export const KEPT_CHART_POINTS = 1_000;

/** The YES mid in percent (E4 / 100); null when either side is empty. */
export function pointOf(book: OrderBook): ChartPoint | null {
  const bid = book.yesBids[0];
  const ask = book.yesAsks[0];
  if (bid === undefined || ask === undefined) return null;
  return { time: Math.floor(book.asOfMs / 1_000), value: (bid.priceE4 + ask.priceE4) / 200 };
}

export type SeriesStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'update'; readonly point: ChartPoint }
  | { readonly kind: 'reset'; readonly points: readonly ChartPoint[] };

/**
 * Appends `point` to `points` (mutated) and says what the chart must do: nothing (older than the
 * last point, or the same value in the same second), update the last point, or reset the series.
 */
export function appendBounded(
  points: ChartPoint[],
  point: ChartPoint,
  max = MAX_CHART_POINTS,
  keep = KEPT_CHART_POINTS,
): SeriesStep {
  const last = points.at(-1);
  if (last !== undefined && point.time < last.time) return { kind: 'none' };
  if (last !== undefined && point.time === last.time) {
    if (point.value === last.value) return { kind: 'none' };
    points[points.length - 1] = point;
    return { kind: 'update', point };
  }
  points.push(point);
  if (points.length <= max) return { kind: 'update', point };
  points.splice(0, points.length - keep);
  return { kind: 'reset', points: [...points] };
}
