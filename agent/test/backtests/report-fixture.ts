/**
 * Small, hand-checkable BacktestReports for the API tests, built through the protocol schema (so a
 * fixture that drifts from the contract fails here, not in the agent).
 */
import { BacktestReport } from '@pt/protocol';

/**
 * One round trip on a weather market: buy 1.00 YES at $0.4000, sell at $0.4500, $0.0100 fees each
 * side (MoneyE6): +$0.0500 − $0.0200 = +$0.0300 after fees. Equity dips $0.0150 after the entry.
 */
export function handBuiltReport(id: string, createdAtMs: number): BacktestReport {
  return BacktestReport.parse({
    summary: {
      id,
      strategyId: 'volatility-rider',
      dataSet: 'weather-tob',
      seed: 7,
      createdAtMs,
      fromMs: 1_764_000_000_000,
      toMs: 1_764_000_600_000,
      events: 1_200,
      markets: 1,
      trades: 2,
      roundTrips: 1,
      winningRoundTrips: 1,
      hitRateBps: 10_000,
      startingCashE6: 1_000_000_000,
      feesE6: 20_000,
      pnlAfterFeesE6: 30_000,
      maxDrawdownE6: 15_000,
      maxExposureE6: 400_000,
      notTraded: { 'band not broken': 40 },
      riskDenied: {},
    },
    config: { zThreshold: 2.5, windowMs: 300_000 },
    trades: [
      {
        ticker: 'KXHIGHNY-25NOV25-B58.5',
        side: 'bid',
        atMs: 1_764_000_100_000,
        priceE4: 4_000,
        countE2: 100,
        feeE6: 10_000,
        isReduceOnly: false,
        reason: 'breakout up',
      },
      {
        ticker: 'KXHIGHNY-25NOV25-B58.5',
        side: 'ask',
        atMs: 1_764_000_400_000,
        priceE4: 4_500,
        countE2: 100,
        feeE6: 10_000,
        isReduceOnly: true,
        reason: 'take profit',
      },
    ],
    equity: [
      { atMs: 1_764_000_000_000, equityE6: 1_000_000_000, exposureE6: 0, positionE2: 0 },
      { atMs: 1_764_000_200_000, equityE6: 999_985_000, exposureE6: 400_000, positionE2: 100 },
      { atMs: 1_764_000_600_000, equityE6: 1_000_030_000, exposureE6: 0, positionE2: 0 },
    ],
  });
}
