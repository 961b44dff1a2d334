/**
 * The execution road's last word on a Flatten All order (origin `flatten`, which skips the halt,
 * the fat-finger guard and the risk engine): it must be reduce-only IOC, on the side that shrinks
 * the venue position it was planned from, and no larger than that position. Anything else is a
 * broken planner, refused before anything is recorded or sent.
 */
import type { OrderSide, TimeInForce } from '@pt/protocol';

/** What a flatten order carries beside its request: the venue position it was planned from. */
export interface FlattenPlacement {
  readonly plannedFromPositionE2: number;
}

export interface FlattenOrderShape {
  readonly side: OrderSide;
  readonly countE2: number;
  readonly timeInForce: TimeInForce;
  readonly reduceOnly?: boolean | undefined;
}

/** Null when the order can only shrink |position|; else why it is refused (one sentence). */
export function flattenRefusal(
  order: FlattenOrderShape,
  placement: FlattenPlacement | undefined,
): string | null {
  if (placement === undefined) return 'a flatten order names the venue position it was planned from';
  const position = placement.plannedFromPositionE2;
  if (order.reduceOnly !== true) return 'a flatten order is reduce-only';
  if (order.timeInForce !== 'immediate_or_cancel') return 'a flatten order is immediate-or-cancel';
  if (position === 0) return 'there is no position to reduce';
  const reducingSide: OrderSide = position > 0 ? 'ask' : 'bid';
  if (order.side !== reducingSide)
    return `a ${order.side} would increase the position of ${position / 100} contracts`;
  if (order.countE2 <= 0) return 'a flatten order has a positive count';
  if (order.countE2 > Math.abs(position))
    return `a count of ${order.countE2 / 100} would flip the position of ${position / 100}`;
  return null;
}

/** The signed position change if `order` filled completely: a bid adds YES, an ask removes it. */
export function signedFill(order: Pick<FlattenOrderShape, 'side' | 'countE2'>): number {
  return order.side === 'bid' ? order.countE2 : -order.countE2;
}
