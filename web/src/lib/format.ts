/** Display formatting of fixed-point values (never floats in state; strings only at the edge). */
import { formatCountFp, formatPriceDollars } from '@pt/protocol';
import type { CountE2, PriceE4 } from '@pt/protocol';

/** 100 → "$0.0100". */
export function formatPrice(price: PriceE4): string {
  return `$${formatPriceDollars(price)}`;
}

/** 150 → "1.50". */
export function formatCount(count: CountE2): string {
  return formatCountFp(count);
}

/** Local wall-clock time of a timestamp, to the second. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}
