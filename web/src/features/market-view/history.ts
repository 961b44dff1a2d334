/**
 * The chart's history before live updates continue it: the market's recent public trades as a step
 * line of trade prices (YES, percent), one point per second (the last print of a second wins),
 * oldest first, bounded like the live series. Live points already drawn stay: history fills in only
 * before the first of them (a later history replaces an earlier one), and the chart gets the merged
 * series with one `setData` (a reset).
 */
import { useMemo } from 'react';
import type { MarketTrade } from '@pt/protocol';
import { useTradesStore } from '../trades/trades.store.js';
import { KEPT_CHART_POINTS } from './chart-points.js';
import type { ChartPoint, SeriesStep } from './chart-points.js';

const NONE: readonly ChartPoint[] = [];

/** Trades (any order) → ascending points, one per second, at most `keep` (the newest). */
export function historyPoints(trades: readonly MarketTrade[], keep = KEPT_CHART_POINTS): ChartPoint[] {
  const ordered = [...trades].sort((a, b) => a.executedAtMs - b.executedAtMs);
  const points: ChartPoint[] = [];
  for (const trade of ordered) {
    const point = { time: Math.floor(trade.executedAtMs / 1_000), value: trade.yesPriceE4 / 100 };
    if (points.at(-1)?.time === point.time) points[points.length - 1] = point;
    else points.push(point);
  }
  return points.slice(-keep);
}

/**
 * Replaces what came before the first live point (`firstLiveTime`, null while none was drawn) with
 * `history` in `points` (mutated): a newer history (the agent's after a cached one) replaces an
 * older one, live points always stay; bounded to `keep` unless the live points alone are longer.
 */
export function withHistory(
  points: ChartPoint[],
  history: readonly ChartPoint[],
  firstLiveTime: number | null,
  keep = KEPT_CHART_POINTS,
): SeriesStep {
  const liveFrom = firstLiveTime ?? Number.POSITIVE_INFINITY;
  const live = points.filter((p) => p.time >= liveFrom);
  const before = history.filter((p) => p.time < liveFrom);
  if (before.length === 0 && live.length === points.length) return { kind: 'none' };
  const merged = [...before, ...live].slice(-Math.max(keep, live.length));
  points.splice(0, points.length, ...merged);
  return { kind: 'reset', points: merged };
}

/**
 * Before the first live point is appended: history points at or after its time are dropped (a
 * venue clock ahead of the book's would otherwise make every live point "older" and unshown).
 */
export function startLive(points: ChartPoint[], firstLiveTime: number): SeriesStep {
  const kept = points.filter((p) => p.time < firstLiveTime);
  if (kept.length === points.length) return { kind: 'none' };
  points.splice(0, points.length, ...kept);
  return { kind: 'reset', points: kept };
}

/** The history points of `ticker` (empty until the trades of that market were read). */
export function useChartHistory(ticker: string | null): readonly ChartPoint[] {
  const trades = useTradesStore((s) => (s.ticker === ticker ? s.historyTrades : null));
  return useMemo(() => (trades === null ? NONE : historyPoints(trades)), [trades]);
}
