/**
 * Flatten All's pure planning: a venue position + the market's book + a maximum slippage → the
 * reduce-only IOC order that closes as much of it as the book holds within the bound.
 *
 * A YES position (positive) is sold (`ask`) into the YES bids, best first; a NO position
 * (negative) is closed by buying YES (`bid`) from the YES asks. The limit walks the levels until
 * the position is covered, never past `maxSlippageE4` from the best price; the count is the whole
 * position (an IOC takes what the book holds at or better than the limit and cancels the rest), so
 * it can only shrink |position|, never open or flip it.
 */
import type { BookLevel, OrderBook, OrderSide } from '@pt/protocol';
import { MAX_PRICE_E4 } from '@pt/protocol';

export interface FlattenOrderPlan {
  readonly side: OrderSide;
  readonly priceE4: number;
  readonly countE2: number;
  readonly timeInForce: 'immediate_or_cancel';
  readonly reduceOnly: true;
}

export type FlattenPlan =
  | { readonly kind: 'flat' }
  | {
      readonly kind: 'order';
      readonly order: FlattenOrderPlan;
      /** The best price on the side the order takes from. */
      readonly bestPriceE4: number;
      /** Contracts the book shows within the bound (may be less than the position). */
      readonly coveredE2: number;
    }
  | { readonly kind: 'no_liquidity'; readonly detail: string };

export interface FlattenPlanInput {
  /** Venue position: positive YES, negative NO contracts (hundredths). */
  readonly positionE2: number;
  /** The market's quotable book, or null when there is none. */
  readonly book: Pick<OrderBook, 'yesBids' | 'yesAsks'> | null;
  readonly maxSlippageE4: number;
}

export function planFlatten(input: FlattenPlanInput): FlattenPlan {
  const { positionE2, book, maxSlippageE4 } = input;
  if (positionE2 === 0) return { kind: 'flat' };
  if (book === null) return { kind: 'no_liquidity', detail: 'No quotable book for the market' };
  const isSelling = positionE2 > 0;
  const levels: readonly BookLevel[] = isSelling ? book.yesBids : book.yesAsks;
  const best = levels[0];
  if (best === undefined)
    return { kind: 'no_liquidity', detail: isSelling ? 'No YES bid to sell into' : 'No YES ask to buy from' };
  const bound = isSelling
    ? Math.max(1, best.priceE4 - maxSlippageE4)
    : Math.min(MAX_PRICE_E4 - 1, best.priceE4 + maxSlippageE4);
  const isWithin = (priceE4: number): boolean => (isSelling ? priceE4 >= bound : priceE4 <= bound);
  const wantedE2 = Math.abs(positionE2);
  let coveredE2 = 0;
  let limitE4: number | undefined;
  for (const level of levels) {
    if (!isWithin(level.priceE4) || coveredE2 >= wantedE2) break;
    coveredE2 += level.countE2;
    limitE4 = level.priceE4;
  }
  if (limitE4 === undefined || coveredE2 === 0)
    return { kind: 'no_liquidity', detail: 'No liquidity within the slippage bound' };
  return {
    kind: 'order',
    order: {
      side: isSelling ? 'ask' : 'bid',
      priceE4: limitE4,
      countE2: wantedE2,
      timeInForce: 'immediate_or_cancel',
      reduceOnly: true,
    },
    bestPriceE4: best.priceE4,
    coveredE2: Math.min(coveredE2, wantedE2),
  };
}
