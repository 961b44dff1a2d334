/** Numbers in activity messages: fixed-point through the protocol's formatters, never floats. */
import { formatCountFp, formatMoneyDollars, formatPriceDollars } from '@pt/protocol';
import type { CountE2, MoneyE6, PriceE4 } from '@pt/protocol';

/** 5600 → "$0.5600". */
export function price(p: PriceE4): string {
  return `$${formatPriceDollars(p)}`;
}

/** 1000 → "10.00". */
export function contracts(c: CountE2): string {
  return formatCountFp(c);
}

/** 10_000 → "$0.010000"; -1_500_000 → "-$1.500000". */
export function dollars(m: MoneyE6): string {
  const text = formatMoneyDollars(m);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** Book side on the YES leg as a verb: bid buys YES, ask sells YES. */
export function sideVerb(side: 'bid' | 'ask'): string {
  return side === 'bid' ? 'buy' : 'sell';
}

/** 3_250 → "3.3 s"; 95_000 → "95 s" (integer arithmetic, one decimal under 10 s). */
export function seconds(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  return tenths < 100 ? `${Math.floor(tenths / 10)}.${tenths % 10} s` : `${Math.round(tenths / 10)} s`;
}

/** Ends a free-text reason as a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
