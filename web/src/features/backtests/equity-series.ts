/**
 * A report's equity curve as chart series: equity and exposure in dollars (display only: the
 * report stays MoneyE6), one point per second because the chart's time axis is in whole seconds
 * and must strictly increase (the last sample of a second wins), in time order.
 */
import type { EquityPoint } from '@pt/protocol';

export interface SeriesPoint {
  /** Unix seconds (lightweight-charts' UTCTimestamp). */
  readonly time: number;
  readonly value: number;
}

export interface EquitySeries {
  readonly equity: readonly SeriesPoint[];
  readonly exposure: readonly SeriesPoint[];
}

const E6 = 1_000_000;

export function equitySeries(points: readonly EquityPoint[]): EquitySeries {
  // Keys go in ascending order (points are visited in time order), so the entries are sorted.
  const bySecond = new Map<number, EquityPoint>();
  for (const point of [...points].sort((a, b) => a.atMs - b.atMs))
    bySecond.set(Math.floor(point.atMs / 1_000), point);
  const entries = [...bySecond.entries()];
  return {
    equity: entries.map(([time, point]) => ({ time, value: point.equityE6 / E6 })),
    exposure: entries.map(([time, point]) => ({ time, value: point.exposureE6 / E6 })),
  };
}
