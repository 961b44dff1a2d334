/**
 * Exact display of fixed-point figures for the CLI summary and the HTML report (integer
 * arithmetic only): MoneyE6 as dollars with at least 2 decimals and no lost digits, PriceE4 as
 * cents, CountE2 as contracts, basis points as a percentage, times as UTC ISO.
 */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(value: number, dp: number): { sign: string; whole: string; frac: string } {
  const sign = value < 0 ? '-' : '';
  const abs = String(Math.abs(value)).padStart(dp + 1, '0');
  return { sign, whole: abs.slice(0, abs.length - dp), frac: abs.slice(abs.length - dp) };
}

/** 1_000_150_000 → "$1,000.15"; 173_300 → "$0.1733"; −280_000 → "-$0.28". */
export function dollars(moneyE6: number): string {
  const { sign, whole, frac } = fixed(moneyE6, 6);
  const trimmed = frac.replace(/0+$/, '').padEnd(2, '0');
  return `${sign}$${groupThousands(whole)}.${trimmed}`;
}

/** 5500 → "55¢"; 5550 → "55.5¢". */
export function cents(priceE4: number): string {
  const { whole, frac } = fixed(priceE4, 2);
  const trimmed = frac.replace(/0+$/, '');
  return `${whole}${trimmed === '' ? '' : `.${trimmed}`}¢`;
}

/** 1000 → "10"; −250 → "-2.5". */
export function contracts(countE2: number): string {
  const { sign, whole, frac } = fixed(countE2, 2);
  const trimmed = frac.replace(/0+$/, '');
  return `${sign}${groupThousands(whole)}${trimmed === '' ? '' : `.${trimmed}`}`;
}

/** 6667 → "66.67%"; null → "—". */
export function percentBps(bps: number | null): string {
  if (bps === null) return '—';
  const { whole, frac } = fixed(bps, 2);
  return `${whole}.${frac}%`;
}

export function isoTime(atMs: number): string {
  return new Date(atMs).toISOString();
}
