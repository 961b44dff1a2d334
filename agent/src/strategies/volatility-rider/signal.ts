/**
 * The breakout test: the newest mid against the previous `windowSize` samples. z = (mid − last
 * mid) / max(realized volatility, floor); up when z ≥ threshold and the mid is above the window's
 * high, down when z ≤ −threshold and below its low. Needs a full window (warm-up gives none).
 */
import { realizedVolatility } from '../core/rolling.js';

export interface Breakout {
  direction: 'up' | 'down' | null;
  z: number;
  volE4: number;
  bandLowE4: number;
  bandHighE4: number;
}

export function breakout(
  previous: readonly number[],
  midE4: number,
  options: { windowSize: number; zThreshold: number; minVolE4: number },
): Breakout | null {
  if (previous.length < options.windowSize) return null;
  const last = previous[previous.length - 1] as number;
  const volE4 = realizedVolatility(previous);
  const z = (midE4 - last) / Math.max(volE4, options.minVolE4, Number.EPSILON);
  const bandLowE4 = Math.min(...previous);
  const bandHighE4 = Math.max(...previous);
  let direction: Breakout['direction'] = null;
  if (z >= options.zThreshold && midE4 > bandHighE4) direction = 'up';
  else if (z <= -options.zThreshold && midE4 < bandLowE4) direction = 'down';
  return { direction, z, volE4, bandLowE4, bandHighE4 };
}
