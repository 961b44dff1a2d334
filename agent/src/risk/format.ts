/** Numbers as a trader reads them in a denial: "$12.50", "1.5 contracts", "4m 30s". */
import type { CountE2, MoneyE6, PriceE4 } from '@pt/protocol';
import type { Group } from './exposure.js';

/** `scaled` is an integer in units of 10^-dp; at least `minDp` decimals, trailing zeros trimmed. */
function decimal(scaled: number, dp: number, minDp: number): string {
  const sign = scaled < 0 ? '-' : '';
  const digits = Math.abs(scaled)
    .toString()
    .padStart(dp + 1, '0');
  const whole = digits.slice(0, digits.length - dp);
  let fraction = digits.slice(digits.length - dp);
  while (fraction.length > minDp && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/** 12_500_000 → "$12.50"; -3_500 → "-$0.0035". */
export function formatDollars(money: MoneyE6): string {
  const text = decimal(money, 6, 2);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** 5600 → "$0.56". */
export function formatPrice(price: PriceE4): string {
  return `$${decimal(price, 4, 2)}`;
}

/** 100 → "1 contract", 150 → "1.5 contracts", -2000 → "-20 contracts". */
export function formatContracts(count: CountE2): string {
  const text = decimal(count, 2, 0);
  return `${text} ${Math.abs(count) === 100 ? 'contract' : 'contracts'}`;
}

/** 270_000 → "4m 30s"; rounds up to the second so "0s" never shows while time remains. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', `${seconds}s`];
  if (seconds === 0 && totalSeconds > 0) parts.pop();
  return parts.filter((part) => part !== '').join(' ');
}

/** "event KXHIGHNY-25DEC27", or the market ticker for a market in no event. */
export function formatGroup(group: Group): string {
  const isStandalone = group.tickers.length === 1 && group.tickers[0] === group.key;
  return isStandalone ? group.key : `event ${group.key}`;
}
