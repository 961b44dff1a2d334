import type { CountE2 } from '@pt/protocol';
import { yesDirection } from './exposure.js';
import type { OrderIntent } from './types.js';

/**
 * True when a full fill of `intent` moves the market's signed position toward zero without crossing
 * it: it sells contracts held (or buys the other leg against them) and never opens the other side.
 * A partial fill then shrinks |position| too. Used for REDUCING mode and the `reduceOnly` flag.
 */
export function isExposureReducing(
  intent: Pick<OrderIntent, 'side' | 'action' | 'countE2'>,
  positionCountE2: CountE2,
): boolean {
  if (positionCountE2 === 0) return false;
  const isShrinking = yesDirection(intent.side, intent.action) === (positionCountE2 > 0 ? -1 : 1);
  return isShrinking && intent.countE2 <= Math.abs(positionCountE2);
}
