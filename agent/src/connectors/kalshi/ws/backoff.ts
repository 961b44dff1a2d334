import type { BackoffOptions } from './types.js';

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  multiplier: 2,
  connectTimeoutMs: 10_000,
};

/**
 * Delay before reconnect attempt `attempt` (0 = first retry): capped exponential with FULL jitter,
 * uniform in [0, min(max, initial × multiplier^attempt)]. Full jitter (not "equal" jitter) spreads
 * a fleet of clients dropped at the same instant (maintenance, venue restart) over the whole window,
 * so they do not reconnect in lock-step and trip the venue's connection limits.
 */
export function fullJitterDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 0), 60);
  const capMs = Math.min(options.maxDelayMs, options.initialDelayMs * options.multiplier ** exponent);
  return Math.floor(random() * capMs);
}

/**
 * mulberry32: a tiny seeded uniform [0,1) generator, so tests can pin the jitter sequence. Not
 * for anything security related.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
