/** fast-check generators of plausible event sequences for the strategies' property tests. */
import fc from 'fast-check';
import { book, clock } from './test-events.js';
import type { StrategyEvent } from './types.js';

/** A random walk of top-of-book updates (and clock ticks) on one market, times increasing. */
export function arbitraryEvents(
  ticker: string,
  options: { isQuotable?: boolean } = {},
): fc.Arbitrary<StrategyEvent[]> {
  const step = fc.record({
    gapMs: fc.integer({ min: 100, max: 120_000 }),
    moveE4: fc.integer({ min: -800, max: 800 }),
    spreadE4: fc.integer({ min: 100, max: 600 }),
    isClock: fc.boolean(),
    isQuotable: options.isQuotable === undefined ? fc.boolean() : fc.constant(options.isQuotable),
  });
  return fc.array(step, { minLength: 1, maxLength: 120 }).map((steps) => {
    let atMs = 1_000_000;
    let bid = 5000;
    const events: StrategyEvent[] = [];
    for (const s of steps) {
      atMs += s.gapMs;
      if (s.isClock) {
        events.push(clock(atMs));
        continue;
      }
      bid = Math.min(9_000, Math.max(100, bid + s.moveE4));
      events.push(book(ticker, atMs, bid, Math.min(9_900, bid + s.spreadE4), s.isQuotable));
    }
    return events;
  });
}
