/**
 * Volatility Rider's config (zod; every field has a documented default). Rolling realized
 * volatility of the mid over `windowSize` samples; a breakout is a move of `zThreshold` standard
 * deviations that also leaves the window's band. Optional model gate on a probability input.
 */
import { z } from 'zod';
import { CommonStrategyFields, MarketTickerField } from '../core/common-config.js';

export const VolatilityRiderConfig = z.strictObject({
  /** Markets it trades (none by default: the trader picks them). */
  tickers: z.array(MarketTickerField).max(50).default([]),
  /** Mid samples in the rolling window (20). */
  windowSize: z.int().min(3).max(500).default(20),
  /** A book update becomes a new sample only this long after the last one (5 s). */
  sampleIntervalMs: z.int().min(0).max(3_600_000).default(5_000),
  /** Breakout when the last change is at least this many standard deviations (2.5). */
  zThreshold: z.number().min(0.5).max(20).default(2.5),
  /** Floor on the volatility (E4 per sample, $0.0050): a flat market's one tick is no breakout. */
  minVolE4: z.number().min(0).max(10_000).default(50),
  modelGate: z
    .strictObject({
      /** Off by default: with it on, an entry needs a model probability for its direction. */
      isEnabled: z.boolean().default(false),
      /** Probability (up for a buy, 1 − up for a sell) at or above which the gate opens (0.55). */
      minProbability: z.number().min(0.5).max(1).default(0.55),
    })
    .default({ isEnabled: false, minProbability: 0.55 }),
  ...CommonStrategyFields,
});
export type VolatilityRiderConfig = z.infer<typeof VolatilityRiderConfig>;

export const DEFAULT_VOLATILITY_RIDER_CONFIG: VolatilityRiderConfig = VolatilityRiderConfig.parse({});
