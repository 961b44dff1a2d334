/**
 * Known answer on a tiny series (test-series.ts), Volatility Rider with windowSize 3, no sampling
 * interval, zThreshold 2, minVol 50 E4, default barriers (TP 500, SL 300) and size (⌊$3 / ($0.03 ×
 * 1)⌋ = 100 contracts, capped at 10), pre-close window 0; default risk settings; $1,000 cash.
 *
 * Mids 5000, 5000, 5100, 5000 fill the window. At 4 s the mid is 5400: the previous three
 * [5000, 5100, 5000] have diffs [+100, −100], sd 100, z = (5400 − 5000) / 100 = 4 ≥ 2 and
 * 5400 > band high 5100 → buy 10 YES IOC at the ask 5500. Fill at 55¢ against the maker ladder:
 * cost $5.50, taker fee 0.07 × 10 × 0.55 × 0.45 = $0.17325 → $0.1733, balance change −$5.6733
 * floored to the cent −$5.68, so the fee charged is $0.18; cash $994.32. Marked at the mid 54¢:
 * equity 994.32 + 5.40 = $999.72 (drawdown $0.28 from $1,000).
 * At 5 s: mid 55¢, equity $999.82; a clock tick at 5 s hits no barrier.
 * At 6 s: mid 61¢ (equity $1,000.42, the peak, exposure $6.10); the exit price (bid) 60¢ is 5¢
 * above the entry → take profit: sell 10 at 60¢ reduce-only. Proceeds $6.00, fee 0.07 × 10 × 0.6 ×
 * 0.4 = $0.168 → $0.1680, change +$5.832 floored to +$5.83, so the fee is $0.17; cash $1,000.15.
 * Round trip −5.68 + 5.83 = +$0.15: 1 of 1 winning. Fees $0.35, P&L after fees +$0.15, equity
 * falls $0.27 from the peak (less than the first $0.28): max drawdown $0.28, max exposure $6.10.
 * At 2 h (the last event, so the close): mid 71¢, window [5100, 5000, 5400] diffs [−100, +400]
 * sd 250, z = (7100 − 5400)/250 = 6.8 → an entry, which risk denies: PRE_CLOSE_BLACKOUT (0 s to
 * close < 5 min). Had the venue seen that later quote at 6 s, the exit would have filled at 70¢.
 */
import { describe, expect, it } from 'vitest';
import { BacktestReport } from '@pt/protocol';
import { buildReport } from './report.js';
import { runBacktest } from './run-backtest.js';
import { bookTop, mergeStreams } from './replay-data.js';
import { T0, TICKER, handOptions } from './test-series.js';

describe('backtest known answer', () => {
  const options = handOptions();
  const result = runBacktest(options);
  const report = buildReport(result, {
    strategyId: 'volatility-rider',
    dataSet: 'hand',
    seed: options.seed,
    createdAtMs: T0,
    startingCashE6: options.startingCashE6,
    config: options.config,
  });

  it('fills the entry at the ask and the take profit at the bid, with the engine fees', () => {
    expect(report.trades).toEqual([
      {
        ticker: TICKER,
        side: 'bid',
        atMs: T0 + 4_000,
        priceE4: 5500,
        countE2: 1000,
        feeE6: 180_000,
        isReduceOnly: false,
        reason: 'volatility breakout up',
      },
      {
        ticker: TICKER,
        side: 'ask',
        atMs: T0 + 6_000,
        priceE4: 6000,
        countE2: 1000,
        feeE6: 170_000,
        isReduceOnly: true,
        reason: 'exit (take profit)',
      },
    ]);
  });

  it('sums P&L, fees, drawdown, exposure, round trips and the risk denial', () => {
    expect(report.summary).toMatchObject({
      events: 10, // 9 data events + 1 clock tick while holding
      markets: 1,
      fromMs: T0,
      toMs: T0 + 7_200_000,
      trades: 2,
      roundTrips: 1,
      winningRoundTrips: 1,
      hitRateBps: 10_000,
      startingCashE6: 1_000_000_000,
      feesE6: 350_000,
      pnlAfterFeesE6: 150_000,
      maxDrawdownE6: 280_000,
      maxExposureE6: 6_100_000,
      notTraded: {},
      riskDenied: { PRE_CLOSE_BLACKOUT: 1 },
    });
  });

  it('keeps the equity curve where it changed, first and last included', () => {
    expect(report.equity.map((p) => [p.atMs - T0, p.equityE6, p.exposureE6, p.positionE2])).toEqual([
      [0, 1_000_000_000, 0, 0],
      [4_000, 999_720_000, 5_400_000, 1000],
      [5_000, 999_820_000, 5_500_000, 1000],
      [6_000, 1_000_420_000, 6_100_000, 1000],
      [6_000, 1_000_150_000, 0, 0],
      [7_200_000, 1_000_150_000, 0, 0],
    ]);
  });

  it('produces a report the wire schema accepts', () => {
    expect(() => BacktestReport.parse(JSON.parse(JSON.stringify(report)))).not.toThrow();
  });
});

/**
 * The time limit fires on a clock tick. Same entry at 4 s (buy 10 at 55¢, fee $0.18, cash
 * $994.32), maxHoldMs 10 s, then no data until 60 s. Ticks every second from 5 s; at 14 s the
 * position is 10 s old → exit (time limit): sell 10 at the last bid 54¢. Proceeds $5.40, fee 0.07 ×
 * 10 × 0.54 × 0.46 = $0.17388 → $0.1739, change +$5.2261 floored to +$5.22 (fee $0.18). Round trip
 * −5.68 + 5.22 = −$0.46, a loss; 10 ticks, then flat: no more ticks.
 */
describe('backtest known answer: time limit on a clock tick', () => {
  const base = handOptions();
  const S = 1_000;
  const events = [
    ...base.data.items.map((i) => i.event).filter((e) => e.atMs <= T0 + 5 * S),
    bookTop(TICKER, T0 + 60 * S, 54, 56),
    bookTop(TICKER, T0 + 7_200 * S, 54, 56),
  ];
  const data = mergeStreams('hand', [{ ticker: TICKER, depthScaleContracts: 100, events }]);
  const definition = base.definition;
  const result = runBacktest({
    ...base,
    data,
    config: definition.configSchema.parse({
      windowSize: 3,
      sampleIntervalMs: 0,
      zThreshold: 2,
      preCloseWindowMs: 0,
      maxHoldMs: 10_000,
    }),
  });

  it('exits at the tick the position reaches its time limit, at the last replayed bid', () => {
    expect(result.fills.map((f) => [f.atMs - T0, f.side, f.priceE4, f.countE2, f.feeE6, f.reason])).toEqual([
      [4_000, 'bid', 5500, 1000, 180_000, 'volatility breakout up'],
      [14_000, 'ask', 5400, 1000, 180_000, 'exit (time limit)'],
    ]);
    expect(result.clockTicks).toBe(10);
    expect(result.account.roundTrips).toEqual([{ market: 0, pnlE6: -460_000, closedAtMs: T0 + 14_000 }]);
    expect(result.account.equityE6).toBe(999_540_000);
  });
});
