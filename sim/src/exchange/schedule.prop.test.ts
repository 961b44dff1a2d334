import fc from 'fast-check';
import { describe, it } from 'vitest';
import { newYorkParts } from './new-york-time.js';
import { ExchangeSchedule } from './schedule.js';

const SEED = 26_11_26;
const FROM_MS = Date.parse('2025-01-01T00:00:00Z');
const TO_MS = Date.parse('2028-12-31T00:00:00Z');

describe('ExchangeSchedule properties', () => {
  it('is in maintenance exactly when New York reads Thursday 03:00–04:59, for any query order', () => {
    // One long-lived schedule answers a random walk of instants (jumps back and forth exercise the
    // cache); the oracle is the New York wall clock itself.
    const schedule = new ExchangeSchedule();
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS, max: TO_MS }), (nowMs) => {
        const ny = newYorkParts(nowMs);
        const isThursdayWindow = ny.weekday === 4 && ny.hour >= 3 && ny.hour < 5;
        return schedule.isInMaintenance(nowMs) === isThursdayWindow;
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('agrees with the oracle on instants right at window edges, walked in time order', () => {
    const schedule = new ExchangeSchedule();
    for (const window of new ExchangeSchedule().windowsFrom(FROM_MS, 200)) {
      for (const nowMs of [window.startMs - 1, window.startMs, window.endMs - 1, window.endMs]) {
        const ny = newYorkParts(nowMs);
        const isThursdayWindow = ny.weekday === 4 && ny.hour >= 3 && ny.hour < 5;
        if (schedule.isInMaintenance(nowMs) !== isThursdayWindow) {
          throw new Error(`mismatch at ${new Date(nowMs).toISOString()}`);
        }
      }
    }
  });
});
