/**
 * The strategies the agent knows: id, config schema (zod, defaults documented in each config.ts),
 * the pure strategy, and which markets (and sentiment topics) a config trades.
 */
import type { z } from 'zod';
import type { Strategy } from './core/types.js';
import { HypeFadeConfig } from './hype-fade/config.js';
import { HYPE_FADE_ID, hypeFade } from './hype-fade/strategy.js';
import { VolatilityRiderConfig } from './volatility-rider/config.js';
import { VOLATILITY_RIDER_ID, volatilityRider } from './volatility-rider/strategy.js';

export interface StrategyDefinition<Config = unknown, State = unknown> {
  readonly id: string;
  /** One line for the strategy list. */
  readonly description: string;
  readonly configSchema: z.ZodType<Config>;
  readonly strategy: Strategy<Config, State>;
  /** The markets a config trades. */
  tickersOf(config: Config): string[];
  /** The sentiment topic a market's decisions read, if any. */
  topicOf(config: Config, ticker: string): string | null;
}

function define<Config, State>(definition: StrategyDefinition<Config, State>): StrategyDefinition {
  return definition;
}

export const STRATEGIES: readonly StrategyDefinition[] = [
  define({
    id: VOLATILITY_RIDER_ID,
    description: 'Rides a volatility breakout of the mid, with take profit, stop loss and a time limit.',
    configSchema: VolatilityRiderConfig,
    strategy: volatilityRider,
    tickersOf: (config) => config.tickers,
    topicOf: () => null,
  }),
  define({
    id: HYPE_FADE_ID,
    description: 'Fades a fast move that fresh, confident sentiment pushes, with the same barriers.',
    configSchema: HypeFadeConfig,
    strategy: hypeFade,
    tickersOf: (config) => config.markets.map((m) => m.ticker),
    topicOf: (config, ticker) => config.markets.find((m) => m.ticker === ticker)?.topic ?? null,
  }),
];

export function strategyById(id: string): StrategyDefinition | undefined {
  return STRATEGIES.find((s) => s.id === id);
}
