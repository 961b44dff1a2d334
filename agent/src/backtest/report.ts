/**
 * A finished run as the wire's `BacktestReport` (`@pt/protocol`): summary figures, the config in
 * force, every fill, and the equity curve down-sampled for charts. Parsed with the protocol schema
 * before it leaves, so a report that does not match the contract never gets written.
 */
import { BacktestReport, type BacktestReport as BacktestReportType } from '@pt/protocol';
import { downsampleIndices } from './downsample.js';
import type { BacktestResult } from './run-backtest.js';

/** Chart points kept (≤ ~2,000 with the first and the last). */
export const MAX_EQUITY_POINTS = 2_000;

export interface ReportMeta {
  readonly strategyId: string;
  readonly dataSet: string;
  readonly seed: number;
  readonly createdAtMs: number;
  readonly startingCashE6: number;
  readonly config: unknown;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `<strategy>-<data set>-s<seed>-<yyyymmddThhmmss>` (UTC): a file name and a URL segment. */
export function backtestId(strategyId: string, dataSet: string, seed: number, createdAtMs: number): string {
  const d = new Date(createdAtMs);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}t${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${strategyId}-${dataSet}-s${seed}-${stamp}`;
}

/** Sorted keys: the same counts always serialise the same way. */
function sortedCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildReport(result: BacktestResult, meta: ReportMeta): BacktestReportType {
  const { account } = result;
  const trips = account.roundTrips;
  const winning = trips.filter((t) => t.pnlE6 > 0).length;
  const keep = downsampleIndices(account.pointEquityE6, MAX_EQUITY_POINTS);
  const report = {
    summary: {
      id: backtestId(meta.strategyId, meta.dataSet, meta.seed, meta.createdAtMs),
      strategyId: meta.strategyId,
      dataSet: meta.dataSet,
      seed: meta.seed,
      createdAtMs: meta.createdAtMs,
      fromMs: result.fromMs,
      toMs: result.toMs,
      events: result.events,
      markets: result.markets,
      trades: result.fills.length,
      roundTrips: trips.length,
      winningRoundTrips: winning,
      hitRateBps: trips.length === 0 ? null : Math.floor((winning * 10_000) / trips.length),
      startingCashE6: meta.startingCashE6,
      feesE6: result.feesE6,
      pnlAfterFeesE6: account.equityE6 - meta.startingCashE6,
      maxDrawdownE6: account.maxDrawdownE6,
      maxExposureE6: account.maxExposureE6,
      notTraded: sortedCounts(result.notTraded),
      riskDenied: sortedCounts(result.riskDenied),
    },
    config: meta.config,
    trades: result.fills,
    equity: keep.map((i) => ({
      atMs: account.pointAtMs[i],
      equityE6: account.pointEquityE6[i],
      exposureE6: account.pointExposureE6[i],
      positionE2: account.pointPositionE2[i],
    })),
  };
  return BacktestReport.parse(report);
}
