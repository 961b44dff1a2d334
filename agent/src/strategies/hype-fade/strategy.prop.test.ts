import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvents } from '../core/test-arbitrary-events.js';
import { replay } from '../core/replay.js';
import { intents, runWithFills } from '../core/test-events.js';
import type { SentimentReading, StrategyEvent } from '../core/types.js';
import { HypeFadeConfig } from './config.js';
import { hypeFade } from './strategy.js';

const T = 'KXPROP-2';
const FAR = { closeTimeMs: 10 ** 13 };
const config = HypeFadeConfig.parse({ markets: [{ ticker: T, topic: 'oil' }], minMoveE4: 300 });

const reading = fc.record({
  effective: fc.double({ min: -1, max: 1, noNaN: true }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  ageMs: fc.integer({ min: 0, max: 3_600_000 }),
  isStale: fc.boolean(),
});

/** Sentiment readings sprinkled through a random walk (inserted at the time of the event they precede). */
function withSentiment(
  events: StrategyEvent[],
  readings: { at: number; reading: SentimentReading | null; isKilled: boolean }[],
): StrategyEvent[] {
  const out = [...events];
  for (const r of readings) {
    const index = r.at % (out.length + 1);
    const atMs = out[index]?.atMs ?? out.at(-1)?.atMs ?? 0;
    out.splice(index, 0, {
      type: 'sentiment',
      atMs,
      topic: 'oil',
      reading: r.reading,
      isKillSwitchEngaged: r.isKilled,
    });
  }
  return out;
}

const sentimentSeq = fc.array(
  fc.record({ at: fc.nat(), reading: fc.option(reading, { nil: null }), isKilled: fc.boolean() }),
  { maxLength: 6 },
);

describe('hype fade properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(arbitraryEvents(T), sentimentSeq, (events, readings) => {
        const all = withSentiment(events, readings);
        expect(replay(hypeFade, config, T, all, FAR)).toEqual(replay(hypeFade, config, T, all, FAR));
      }),
    );
  });

  it('never opens on stale sentiment or with the kill switch engaged', () => {
    const stale = fc.record({
      at: fc.nat(),
      reading: reading.map((r) => ({ ...r, isStale: true })),
      isKilled: fc.boolean(),
    });
    const killed = fc.record({
      at: fc.nat(),
      reading: fc.option(reading, { nil: null }),
      isKilled: fc.constant(true),
    });
    fc.assert(
      fc.property(
        arbitraryEvents(T),
        fc.array(fc.oneof(stale, killed), { minLength: 1, maxLength: 4 }),
        (events, readings) => {
          // Every reading is unusable, and the first comes before any book.
          const all = withSentiment(
            events,
            readings.map((r, i) => (i === 0 ? { ...r, at: 0 } : r)),
          );
          expect(intents(runWithFills(hypeFade, config, T, all, FAR)).filter((i) => !i.isReduceOnly)).toEqual(
            [],
          );
        },
      ),
    );
  });

  it('never opens on an unquotable book or inside the pre-close window', () => {
    const fresh = { effective: 0.9, confidence: 0.9, ageMs: 0, isStale: false };
    fc.assert(
      fc.property(arbitraryEvents(T, { isQuotable: false }), arbitraryEvents(T), (dark, lit) => {
        const s = { at: 0, reading: fresh, isKilled: false };
        expect(intents(runWithFills(hypeFade, config, T, withSentiment(dark, [s]), FAR))).toEqual([]);
        const closeSoon = { closeTimeMs: (lit.at(-1)?.atMs ?? 0) + 60_000 };
        const run = runWithFills(hypeFade, config, T, withSentiment(lit, [s]), closeSoon);
        expect(intents(run).filter((i) => !i.isReduceOnly)).toEqual([]);
      }),
    );
  });

  it('with a position, only reduces it; flat, never sends reduce-only', () => {
    const fresh = { effective: 0.9, confidence: 0.9, ageMs: 0, isStale: false };
    fc.assert(
      fc.property(arbitraryEvents(T, { isQuotable: true }), fc.boolean(), (events, isUp) => {
        const s = { at: 0, reading: { ...fresh, effective: isUp ? 0.9 : -0.9 }, isKilled: false };
        for (const { decision, positionBefore } of runWithFills(
          hypeFade,
          config,
          T,
          withSentiment(events, [s]),
          FAR,
        ).steps) {
          if (decision.kind !== 'intent') continue;
          expect(decision.isReduceOnly).toBe(positionBefore.netE2 !== 0);
          if (decision.isReduceOnly) {
            expect(decision.countE2).toBeLessThanOrEqual(Math.abs(positionBefore.netE2));
            expect(decision.side).toBe(positionBefore.netE2 > 0 ? 'ask' : 'bid');
          }
        }
      }),
    );
  });
});

describe('the generator is not vacuous', () => {
  it('produces entries and exits with fresh pushing sentiment', () => {
    const s = {
      at: 0,
      reading: { effective: 0.9, confidence: 0.9, ageMs: 0, isStale: false },
      isKilled: false,
    };
    const runs = fc
      .sample(arbitraryEvents(T, { isQuotable: true }), { numRuns: 200, seed: 7 })
      .map((events) => intents(runWithFills(hypeFade, config, T, withSentiment(events, [s]), FAR)));
    expect(runs.filter((r) => r.some((i) => !i.isReduceOnly)).length).toBeGreaterThan(10);
    expect(runs.filter((r) => r.some((i) => i.isReduceOnly)).length).toBeGreaterThan(10);
  });
});
