/**
 * The strategy's own position on its market, from its own fills only: signed contracts (positive =
 * long YES) and the average entry price, in integers. Also the "order in flight" guard: after an
 * intent the strategy sends nothing more until a fill answers it or the wait runs out.
 */
import type { OwnFillEvent } from './types.js';

export interface Position {
  /** Signed contracts ×100: + long YES, − short YES (long NO). */
  readonly netE2: number;
  /** Average entry price (YES leg) of the open position; 0 when flat. */
  readonly entryPriceE4: number;
  /** When the position was opened (first fill from flat); null when flat. */
  readonly openedAtMs: number | null;
}

export const FLAT: Position = { netE2: 0, entryPriceE4: 0, openedAtMs: null };

/** Applies one fill: adds to the position at a weighted price, or reduces it (entry price kept). */
export function applyFill(position: Position, fill: OwnFillEvent): Position {
  const signed = fill.side === 'bid' ? fill.countE2 : -fill.countE2;
  const net = position.netE2 + signed;
  if (net === 0) return FLAT;
  const isAdding = position.netE2 === 0 || Math.sign(signed) === Math.sign(position.netE2);
  if (isAdding) {
    const before = Math.abs(position.netE2);
    const total = before + fill.countE2;
    const entry = Math.round((position.entryPriceE4 * before + fill.priceE4 * fill.countE2) / total);
    return { netE2: net, entryPriceE4: entry, openedAtMs: position.openedAtMs ?? fill.atMs };
  }
  // Reduced through zero: the remainder is a new position at this fill's price.
  if (Math.sign(net) !== Math.sign(position.netE2)) {
    return { netE2: net, entryPriceE4: fill.priceE4, openedAtMs: fill.atMs };
  }
  return { ...position, netE2: net };
}

/** True while an intent sent at `sentAtMs` may still be answered by a fill. */
export function isAwaitingFill(sentAtMs: number | null, nowMs: number, waitMs: number): boolean {
  return sentAtMs !== null && nowMs - sentAtMs < waitMs;
}
