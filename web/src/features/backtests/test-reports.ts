/** Hand-checkable BacktestReports for the panel and store tests, built through the protocol schema. */
import { BacktestReport } from '@pt/protocol';

/** A hand-checkable run: one round trip, `pnlE6` after $0.02 of fees, equity ending at cash + pnl. */
export function report(
  id: string,
  createdAtMs: number,
  pnlE6: number,
  hitRateBps: number | null,
): BacktestReport {
  return BacktestReport.parse({
    summary: {
      id,
      strategyId: id.startsWith('hype') ? 'hype-fade' : 'volatility-rider',
      dataSet: 'weather-tob',
      seed: 7,
      createdAtMs,
      fromMs: 1_764_000_000_000,
      toMs: 1_764_000_600_000,
      events: 1_200,
      markets: 1,
      trades: 2,
      roundTrips: hitRateBps === null ? 0 : 1,
      winningRoundTrips: hitRateBps === 10_000 ? 1 : 0,
      hitRateBps,
      startingCashE6: 1_000_000_000,
      feesE6: 20_000,
      pnlAfterFeesE6: pnlE6,
      maxDrawdownE6: 15_000,
      maxExposureE6: 400_000,
      notTraded: { 'band not broken': 40, 'book not quotable': 3 },
      riskDenied: {},
    },
    config: { zThreshold: 2.5 },
    trades: [],
    equity: [
      { atMs: 1_764_000_000_000, equityE6: 1_000_000_000, exposureE6: 0, positionE2: 0 },
      { atMs: 1_764_000_200_000, equityE6: 999_985_000, exposureE6: 400_000, positionE2: 100 },
      { atMs: 1_764_000_600_000, equityE6: 1_000_000_000 + pnlE6, exposureE6: 0, positionE2: 0 },
    ],
  });
}

export const OLDER = report(
  'volatility-rider-weather-tob-s7-20251124t100000',
  1_764_000_000_000,
  30_000,
  10_000,
);
export const NEWER = report('hype-fade-weather-tob-s7-20251125t100000', 1_764_086_400_000, -1_250_000, 0);
