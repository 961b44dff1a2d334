/**
 * Hype-Fade's config (zod; every field has a documented default): a fast mid move of at least
 * `minMoveE4` within `moveWindowMs`, pushed the same way by fresh, confident sentiment for the
 * market's topic, is faded (bet on reversion) with the shared barriers.
 */
import { z } from 'zod';
import { CommonStrategyFields, MarketTickerField } from '../core/common-config.js';

export const HypeFadeMarket = z.strictObject({
  ticker: MarketTickerField,
  /** The vibe topic whose sentiment drives this market (e.g. "cpi"). */
  topic: z.string().min(1).max(64),
});

export const HypeFadeConfig = z.strictObject({
  /** Markets it trades, each with its sentiment topic (none by default). */
  markets: z.array(HypeFadeMarket).max(50).default([]),
  /** The window the price move is measured over (5 min). */
  moveWindowMs: z
    .int()
    .min(1_000)
    .max(86_400_000)
    .default(5 * 60_000),
  /** Smallest mid move in that window that counts as fast ($0.05). */
  minMoveE4: z.int().min(1).max(9_999).default(500),
  /** Smallest |effective| sentiment (decayed score × confidence) that counts as a spike (0.3). */
  minEffective: z.number().min(0).max(1).default(0.3),
  /** Smallest confidence of the reading (0.5). */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** Older sentiment is stale for this strategy even inside its ttl (15 min). */
  maxSentimentAgeMs: z
    .int()
    .min(0)
    .max(86_400_000)
    .default(15 * 60_000),
  ...CommonStrategyFields,
  /** Fades are quicker than rides: 20 min time limit by default. */
  maxHoldMs: z
    .int()
    .min(0)
    .max(86_400_000)
    .default(20 * 60_000),
});
export type HypeFadeConfig = z.infer<typeof HypeFadeConfig>;

export const DEFAULT_HYPE_FADE_CONFIG: HypeFadeConfig = HypeFadeConfig.parse({});
