/**
 * The manual ticket's fat-finger guard: a limit farther than `maxSlippageE4` from the book's mid
 * is denied before anything else runs. With one side of the book empty the other side stands in
 * for the mid; with no quotable book the guard has nothing to compare with and lets risk decide
 * (BOOK_STALE).
 */
import type { OrderBook } from '@pt/protocol';
import { topOfBook } from '@pt/protocol';
import type { Denial } from './types.js';

/** $0.10: the protocol's documented default. */
export const DEFAULT_MAX_SLIPPAGE_E4 = 1_000;

export function checkFatFinger(
  book: Pick<OrderBook, 'yesBids' | 'yesAsks' | 'ticker'> | null,
  limitPriceE4: number,
  maxSlippageE4: number,
): Denial | null {
  if (book === null) return null;
  const { bidPriceE4, askPriceE4 } = topOfBook(book);
  const bid = bidPriceE4 ?? askPriceE4;
  const ask = askPriceE4 ?? bidPriceE4;
  if (bid === null || ask === null) return null;
  // Twice the distance, so a half-tick mid stays an integer.
  const distanceTimes2 = Math.abs(2 * limitPriceE4 - (bid + ask));
  if (distanceTimes2 <= 2 * maxSlippageE4) return null;
  return {
    rule: 'FAT_FINGER',
    detail:
      `The limit ${dollars(2 * limitPriceE4)} is ${dollars(distanceTimes2)} from the ${book.ticker} mid ` +
      `${dollars(bid + ask)}, beyond the maximum of ${dollars(2 * maxSlippageE4)}.`,
  };
}

/** Twice a price in 1/10,000 $ as dollars, trailing zeros trimmed ("$0.455", "$0.1"). */
function dollars(e4Times2: number): string {
  const text = (e4Times2 / 20_000).toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
  return `$${text}`;
}
