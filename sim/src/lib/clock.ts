import type { SimClock } from '../server/context.js';

/**
 * A wall clock with an adjustable offset. `baseNowMs` is injectable so tests can pin time; the
 * offset lets the `/_sim/faults/clock` fault move the exchange's idea of now without touching
 * the host clock.
 */
export function createSimClock(baseNowMs: () => number = Date.now): SimClock {
  let offsetMs = 0;
  return {
    nowMs: () => baseNowMs() + offsetMs,
    shiftMs: (deltaMs: number) => {
      offsetMs += deltaMs;
    },
  };
}
