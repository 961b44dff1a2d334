import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvents } from '../core/test-arbitrary-events.js';
import { replay } from '../core/replay.js';
import { book, fill, intents, runWithFills } from '../core/test-events.js';
import { VolatilityRiderConfig } from './config.js';
import { volatilityRider } from './strategy.js';

const T = 'KXPROP-1';
const FAR = { closeTimeMs: 10 ** 13 };
const config = VolatilityRiderConfig.parse({
  tickers: [T],
  windowSize: 4,
  sampleIntervalMs: 0,
  zThreshold: 1.5,
});

describe('volatility rider properties', () => {
  it('is deterministic: the same events give the same decisions and state', () => {
    fc.assert(
      fc.property(arbitraryEvents(T), (events) => {
        expect(replay(volatilityRider, config, T, events, FAR)).toEqual(
          replay(volatilityRider, config, T, events, FAR),
        );
      }),
    );
  });

  it('never opens on an unquotable book', () => {
    fc.assert(
      fc.property(arbitraryEvents(T, { isQuotable: false }), (events) => {
        expect(intents(runWithFills(volatilityRider, config, T, events, FAR))).toEqual([]);
      }),
    );
  });

  it('never opens inside the pre-close window', () => {
    fc.assert(
      fc.property(arbitraryEvents(T), (events) => {
        const last = events.at(-1)?.atMs ?? 0;
        const run = runWithFills(volatilityRider, config, T, events, { closeTimeMs: last + 60_000 });
        expect(intents(run).filter((i) => !i.isReduceOnly)).toEqual([]);
      }),
    );
  });

  it('with a position, only reduces it, never past flat; flat, never sends reduce-only', () => {
    fc.assert(
      fc.property(arbitraryEvents(T, { isQuotable: true }), (events) => {
        for (const { decision, positionBefore } of runWithFills(volatilityRider, config, T, events, FAR)
          .steps) {
          if (decision.kind !== 'intent') continue;
          expect(decision.isReduceOnly).toBe(positionBefore.netE2 !== 0);
          if (!decision.isReduceOnly) continue;
          expect(decision.countE2).toBeLessThanOrEqual(Math.abs(positionBefore.netE2));
          expect(decision.side).toBe(positionBefore.netE2 > 0 ? 'ask' : 'bid');
        }
      }),
    );
  });

  it('a barrier fires on the first book past take profit or stop loss', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 8000 }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.boolean(),
        (entryE4, moveE4, isLong) => {
          const events = [
            fill(T, 1_000, isLong ? 'bid' : 'ask', entryE4, 500),
            book(T, 2_000, entryE4 + moveE4, entryE4 + moveE4 + 100),
          ];
          const exits = replay(volatilityRider, config, T, events, FAR).decisions;
          const exitPrice = isLong ? entryE4 + moveE4 : entryE4 + moveE4 + 100;
          const gain = isLong ? exitPrice - entryE4 : entryE4 - exitPrice;
          const shouldExit = gain >= config.takeProfitE4 || -gain >= config.stopLossE4;
          expect(exits.length).toBe(shouldExit ? 1 : 0);
          if (shouldExit) expect(exits[0]?.decision).toMatchObject({ isReduceOnly: true, countE2: 500 });
        },
      ),
    );
  });
});

describe('the generator is not vacuous', () => {
  it('produces entries and exits on quotable walks', () => {
    const runs = fc
      .sample(arbitraryEvents(T, { isQuotable: true }), { numRuns: 200, seed: 7 })
      .map((events) => intents(runWithFills(volatilityRider, config, T, events, FAR)));
    expect(runs.filter((r) => r.some((i) => !i.isReduceOnly)).length).toBeGreaterThan(10);
    expect(runs.filter((r) => r.some((i) => i.isReduceOnly)).length).toBeGreaterThan(10);
  });
});
