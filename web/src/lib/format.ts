/** Display formatting of fixed-point values (never floats in state; strings only at the edge). */
import { formatCountFp, formatPriceDollars } from '@pt/protocol';
import type { CountE2, MoneyE6, PriceE4 } from '@pt/protocol';

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

/** MoneyE6 → "$12.35" / "-$0.07", rounded half up to the cent in integer arithmetic. */
export function formatMoney(money: MoneyE6): string {
  const abs = Math.abs(money);
  const cents = Math.floor((abs + 5_000) / 10_000);
  const text = `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return money < 0 && cents > 0 ? `-${text}` : text;
}

/** A signed position: 500 → "5.00 YES", -300 → "3.00 NO", 0 → "flat". */
export function formatPosition(count: CountE2): string {
  if (count === 0) return 'flat';
  return `${formatCountFp(Math.abs(count) as CountE2)} ${count > 0 ? 'YES' : 'NO'}`;
}
