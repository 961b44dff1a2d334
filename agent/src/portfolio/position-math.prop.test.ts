/**
 * Money math properties (fast-check): a round trip nets proceeds − cost − fees exactly; the
 * position is the sum of the signed fills whatever their order; fees never increase P&L; the basis
 * stays within [0, $1 × |position|]. The reference keeps YES and NO apart (no netting) and redeems
 * the pairs at $1 at the end, so it shares no arithmetic with the netting code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFill, FLAT, realizedNetE6 } from './position-math.js';
import type { FillTerms, PositionState } from './position-math.js';

const fillArb: fc.Arbitrary<FillTerms> = fc.record({
  side: fc.constantFrom('bid' as const, 'ask' as const),
  yesPriceE4: fc.integer({ min: 1, max: 9_999 }),
  countE2: fc.integer({ min: 1, max: 50_000 }),
  feeE6: fc.integer({ min: 0, max: 5_000_000 }),
});
const fillsArb = fc.array(fillArb, { minLength: 1, maxLength: 30 });

function foldAll(fills: readonly FillTerms[]): PositionState {
  return fills.reduce((state, fill) => applyFill(state, fill).state, FLAT);
}

function signedSum(fills: readonly FillTerms[]): number {
  return fills.reduce((sum, f) => sum + (f.side === 'bid' ? f.countE2 : -f.countE2), 0);
}

/** The fill that brings `fills` back to flat (at `yesPriceE4`, fee `feeE6`), or none. */
function closing(fills: readonly FillTerms[], yesPriceE4: number, feeE6: number): FillTerms[] {
  const net = signedSum(fills);
  if (net === 0) return [];
  return [{ side: net > 0 ? 'ask' : 'bid', yesPriceE4, countE2: Math.abs(net), feeE6 }];
}

/** YES bought for y, NO bought for 1 − y, kept apart; flat at the end = equal counts, redeemed at $1. */
function referenceRealizedFlat(fills: readonly FillTerms[]): number {
  let paid = 0;
  let yesBought = 0;
  for (const f of fills) {
    if (f.side === 'bid') {
      paid += f.yesPriceE4 * f.countE2;
      yesBought += f.countE2;
    } else paid += (10_000 - f.yesPriceE4) * f.countE2;
  }
  const fees = fills.reduce((sum, f) => sum + f.feeE6, 0);
  return 10_000 * yesBought - paid - fees;
}

describe('position math properties', () => {
  it('a round trip nets proceeds − cost − fees exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bid' as const, 'ask' as const),
        fc.integer({ min: 1, max: 9_999 }),
        fc.integer({ min: 1, max: 9_999 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (openSide, openYes, closeYes, countE2, openFee, closeFee) => {
          const closeSide = openSide === 'bid' ? 'ask' : 'bid';
          const state = foldAll([
            { side: openSide, yesPriceE4: openYes, countE2, feeE6: openFee },
            { side: closeSide, yesPriceE4: closeYes, countE2, feeE6: closeFee },
          ]);
          const costPerE4 = openSide === 'bid' ? openYes : 10_000 - openYes;
          // Closing the held leg returns 1 − (the closing leg's price) per contract.
          const proceedsPerE4 = closeSide === 'bid' ? 10_000 - closeYes : closeYes;
          expect(state.positionE2).toBe(0);
          expect(state.costE6).toBe(0);
          expect(realizedNetE6(state)).toBe(
            proceedsPerE4 * countE2 - costPerE4 * countE2 - openFee - closeFee,
          );
        },
      ),
    );
  });

  it('any sequence closed to flat realizes what the unnetted reference does', () => {
    fc.assert(
      fc.property(fillsArb, fc.integer({ min: 1, max: 9_999 }), fc.nat(1_000_000), (fills, price, fee) => {
        const all = [...fills, ...closing(fills, price, fee)];
        const state = foldAll(all);
        expect(state.positionE2).toBe(0);
        expect(state.costE6).toBe(0);
        expect(realizedNetE6(state)).toBe(referenceRealizedFlat(all));
      }),
    );
  });

  it('the position is the sum of the signed fills, in any order', () => {
    fc.assert(
      fc.property(
        fillsArb.chain((fills) =>
          fc.tuple(fc.constant(fills), fc.shuffledSubarray(fills, { minLength: fills.length })),
        ),
        ([fills, shuffled]) => {
          expect(foldAll(fills).positionE2).toBe(signedSum(fills));
          expect(foldAll(shuffled).positionE2).toBe(foldAll(fills).positionE2);
        },
      ),
    );
  });

  it('fees never increase P&L: each fee lowers net P&L by exactly itself', () => {
    fc.assert(
      fc.property(fillsArb, (fills) => {
        const free = foldAll(fills.map((f) => ({ ...f, feeE6: 0 })));
        const charged = foldAll(fills);
        const fees = fills.reduce((sum, f) => sum + f.feeE6, 0);
        expect(realizedNetE6(charged)).toBeLessThanOrEqual(realizedNetE6(free));
        expect(realizedNetE6(free) - realizedNetE6(charged)).toBe(fees);
        expect(charged.positionE2).toBe(free.positionE2);
        expect(charged.costE6).toBe(free.costE6);
      }),
    );
  });

  it('the basis stays between $0 and $1 per contract held, and every figure is an integer', () => {
    fc.assert(
      fc.property(fillsArb, (fills) => {
        let state = FLAT;
        for (const fill of fills) {
          state = applyFill(state, fill).state;
          expect(state.costE6).toBeGreaterThanOrEqual(0);
          expect(state.costE6).toBeLessThanOrEqual(10_000 * Math.abs(state.positionE2));
          for (const value of Object.values(state)) expect(Number.isSafeInteger(value)).toBe(true);
        }
      }),
    );
  });
});
