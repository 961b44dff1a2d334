/**
 * The effective state over every combination of the three parts, against a reference that ranks
 * the modes by name (not by the module's table): the mode is the most restrictive present, the
 * result is one of the parts unchanged, and ties go to system halt, then trader, then venue.
 */
import type { TradingMode, TradingState } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mostRestrictive, type TradingStateParts } from './compose.js';

const MODES: readonly TradingMode[] = ['active', 'reducing', 'halted'];

function stateArb(mode: fc.Arbitrary<TradingMode>, changedBy: fc.Arbitrary<'user' | 'system'>) {
  return fc.record({
    mode,
    reason: fc.string({ minLength: 1, maxLength: 20 }),
    changedBy,
    sinceMs: fc.nat(),
  }) as fc.Arbitrary<TradingState>;
}

const partsArb: fc.Arbitrary<TradingStateParts> = fc.record({
  systemHalt: fc.option(stateArb(fc.constant('halted'), fc.constant('system')), { nil: undefined }),
  user: stateArb(fc.constantFrom(...MODES), fc.constantFrom('user', 'system')),
  venue: stateArb(fc.constantFrom(...MODES), fc.constant('system')),
});

/** Reference: halted if anything is halted, else reducing if anything is, else active. */
function expectedMode(parts: TradingStateParts): TradingMode {
  const modes = [parts.systemHalt?.mode, parts.user.mode, parts.venue.mode];
  if (modes.includes('halted')) return 'halted';
  if (modes.includes('reducing')) return 'reducing';
  return 'active';
}

function expectedWinner(parts: TradingStateParts): TradingState {
  const mode = expectedMode(parts);
  if (parts.systemHalt !== undefined) return parts.systemHalt;
  if (parts.user.mode === mode) return parts.user;
  return parts.venue;
}

describe('mostRestrictive', () => {
  it('is the most restrictive mode present, as the reference says', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(mostRestrictive(parts).mode).toBe(expectedMode(parts));
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns one of the parts unchanged, the first of the tied ones (system, trader, venue)', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(mostRestrictive(parts)).toBe(expectedWinner(parts));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never lets one part loosen another: raising any part never lowers the result', () => {
    const rank = (mode: TradingMode) => MODES.indexOf(mode);
    fc.assert(
      fc.property(partsArb, fc.constantFrom(...MODES), fc.boolean(), (parts, raised, onUser) => {
        const before = rank(mostRestrictive(parts).mode);
        const target = onUser ? parts.user : parts.venue;
        const moved = { ...target, mode: rank(raised) > rank(target.mode) ? raised : target.mode };
        const after = mostRestrictive(onUser ? { ...parts, user: moved } : { ...parts, venue: moved });
        expect(rank(after.mode)).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('covers all 18 combinations of modes exhaustively', () => {
    const seen = new Set<string>();
    for (const halt of [undefined, 'halted'] as const)
      for (const user of MODES)
        for (const venue of MODES) {
          const parts: TradingStateParts = {
            systemHalt:
              halt === undefined
                ? undefined
                : { mode: halt, reason: 'loss', changedBy: 'system', sinceMs: 3 },
            user: { mode: user, reason: 'me', changedBy: 'user', sinceMs: 1 },
            venue: { mode: venue, reason: 'gate', changedBy: 'system', sinceMs: 2 },
          };
          expect(mostRestrictive(parts)).toBe(expectedWinner(parts));
          seen.add(`${halt}/${user}/${venue}`);
        }
    expect(seen.size).toBe(18);
  });
});
