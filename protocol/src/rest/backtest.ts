import { z } from 'zod';
import { MarketTicker, StrategyId } from '../ids.js';
import { CountE2Schema, MoneyE6Schema, PriceE4Schema, SignedCountE2Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/**
 * Backtest reports (issue 10). `npm run backtest -- --strategy <id> --data <set>` replays recorded
 * data through the live strategy and risk code with the simulator's matching engine and writes one
 * `BacktestReport` as JSON (plus a self-contained HTML equity curve) into
 * `<data-dir>/backtests/<id>.json`. The agent lists them at `GET /v1/backtests` (summaries, newest
 * first) and serves one at `GET /v1/backtests/:id`; the PWA shows the chart and the summary.
 * Money is MoneyE6, prices PriceE4, counts CountE2: integers, never floats.
 */
export const BACKTESTS_PATH = '/v1/backtests';

/** `<strategy>-<data set>-<yyyymmddThhmmss>`-like: safe as a file name and a URL segment. */
export const BacktestId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, { error: 'backtest id must be [a-z0-9._-], ≤ 128 chars' });
export type BacktestId = z.infer<typeof BacktestId>;

export const BacktestTrade = z.strictObject({
  ticker: MarketTicker,
  /** `bid` bought YES, `ask` sold YES. */
  side: z.enum(['bid', 'ask']),
  atMs: TimestampMs,
  priceE4: PriceE4Schema,
  countE2: CountE2Schema,
  feeE6: MoneyE6Schema,
  isReduceOnly: z.boolean(),
  /** The strategy's own words for the intent (e.g. "breakout up", "take profit"). */
  reason: z.string(),
});
export type BacktestTrade = z.infer<typeof BacktestTrade>;

/** A sample of the account over time: equity = cash + positions marked at the mid (or settlement). */
export const EquityPoint = z.strictObject({
  atMs: TimestampMs,
  equityE6: MoneyE6Schema,
  /** Sum over markets of |position| × mark: what is at stake at that moment. */
  exposureE6: MoneyE6Schema,
  /** Net YES contracts held across markets. */
  positionE2: SignedCountE2Schema,
});
export type EquityPoint = z.infer<typeof EquityPoint>;

export const BacktestSummary = z.strictObject({
  id: BacktestId,
  strategyId: StrategyId,
  /** The recorded data set's name (e.g. `kalshi-trades`) as given to `--data`. */
  dataSet: z.string().min(1),
  seed: z.int(),
  createdAtMs: TimestampMs,
  /** First and last event time replayed (the data's clock, not the wall clock). */
  fromMs: TimestampMs,
  toMs: TimestampMs,
  events: z.int().min(0),
  markets: z.int().min(0),
  /** Filled orders (entries and exits). */
  trades: z.int().min(0),
  /** Closed round trips, and how many of them made money after fees. */
  roundTrips: z.int().min(0),
  winningRoundTrips: z.int().min(0),
  /** winning / round trips in basis points (0..10000), null with no round trip. */
  hitRateBps: z.int().min(0).max(10_000).nullable(),
  startingCashE6: MoneyE6Schema,
  feesE6: MoneyE6Schema,
  /** Final equity − starting cash, fees included. */
  pnlAfterFeesE6: MoneyE6Schema,
  /** Largest peak-to-trough fall of equity. */
  maxDrawdownE6: MoneyE6Schema,
  maxExposureE6: MoneyE6Schema,
  /** Decisions that did not trade, by reason (the live activity feed's reasons). */
  notTraded: z.record(z.string(), z.int().min(0)),
  /** Intents the risk engine refused, by reason. */
  riskDenied: z.record(z.string(), z.int().min(0)),
});
export type BacktestSummary = z.infer<typeof BacktestSummary>;

export const BacktestReport = z.strictObject({
  summary: BacktestSummary,
  /** The strategy config in force, defaults filled in. */
  config: z.record(z.string(), z.json()),
  trades: z.array(BacktestTrade),
  /** Down-sampled for charts (≤ ~2,000 points), always including the first and the last. */
  equity: z.array(EquityPoint),
});
export type BacktestReport = z.infer<typeof BacktestReport>;

export const BacktestList = z.strictObject({ backtests: z.array(BacktestSummary) });
export type BacktestList = z.infer<typeof BacktestList>;
