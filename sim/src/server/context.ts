import type { Exchange } from '../engine/index.js';
import type { KeyRegistry } from '../auth/index.js';
import type { RateLimiter } from '../limits/index.js';
import type { ExchangeSchedule } from '../exchange/index.js';
import type { FaultState } from '../faults/index.js';
import type { SimLogger } from '../lib/log.js';

/**
 * The simulator's notion of "now". Everything time-dependent (auth skew, rate-limit refill,
 * maintenance windows, replay) reads this clock so a fault can shift time for all of them at once.
 */
export interface SimClock {
  nowMs(): number;
  shiftMs(deltaMs: number): void;
}

/** Everything a route factory or middleware needs; built once in main.ts. */
export interface SimContext {
  exchange: Exchange;
  clock: SimClock;
  keys: KeyRegistry;
  limiter: RateLimiter;
  schedule: ExchangeSchedule;
  faults: FaultState;
  log: SimLogger;
}
