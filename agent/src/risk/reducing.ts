import type { CountE2 } from '@pt/protocol';
import { yesDirection } from './exposure.js';
import type { Leg } from './exposure.js';
import type { OrderIntent } from './types.js';

/**
 * True when a full fill of `intent` moves the market's signed position toward zero without crossing
 * it: it sells contracts held (or buys the other leg against them) and never opens the other side.
 * A partial fill then shrinks |position| too. `alreadyClosingE2` is what our resting orders already
 * work in the same direction: with it, two exits of the same 10 contracts never both count as
 * reducing (if both filled, the second would open the other side). Used for REDUCING mode and the
 * `reduceOnly` flag, and to let exits through the rules that guard new exposure.
 */
export function isExposureReducing(
  intent: Pick<OrderIntent, 'side' | 'action' | 'countE2'>,
  positionCountE2: CountE2,
  alreadyClosingE2 = 0,
): boolean {
  if (positionCountE2 === 0) return false;
  const isShrinking = yesDirection(intent.side, intent.action) === (positionCountE2 > 0 ? -1 : 1);
  return isShrinking && intent.countE2 + alreadyClosingE2 <= Math.abs(positionCountE2);
}

/** Contracts our resting orders on the market of `leg` already move in the same direction as `leg`. */
export function sameDirectionCountE2(leg: Leg, restingLegs: readonly Leg[]): number {
  let total = 0;
  for (const resting of restingLegs) {
    if (resting.ticker === leg.ticker && Math.sign(resting.deltaE2) === Math.sign(leg.deltaE2)) {
      total += Math.abs(resting.deltaE2);
    }
  }
  return total;
}
