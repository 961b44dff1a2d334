/** Strategy fixtures for the component tests: the agent's real default configs' shapes. */
import { StrategyStatus } from '@pt/protocol';

export function volatilityRider(overrides: Partial<Record<string, unknown>> = {}): StrategyStatus {
  return StrategyStatus.parse({
    id: 'volatility-rider',
    description: 'Rides a volatility breakout of the mid.',
    isEnabled: false,
    config: {
      tickers: ['KXBTC-25NOV25-B1', 'KXETH-25NOV25-B2'],
      windowSize: 20,
      sampleIntervalMs: 5_000,
      zThreshold: 2.5,
      minVolE4: 50,
      modelGate: { isEnabled: false, minProbability: 0.55 },
      takeProfitE4: 500,
      riskBudgetE6: 3_000_000,
      maxCountE2: 1_000,
    },
    tickers: ['KXBTC-25NOV25-B1', 'KXETH-25NOV25-B2'],
    changedAtMs: null,
    lastDecisionAtMs: 1_764_000_000_000,
    ...overrides,
  });
}
