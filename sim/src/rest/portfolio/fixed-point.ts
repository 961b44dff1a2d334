/**
 * Strict request-side fixed-point parsing. Kalshi requests carry prices with 2–4 dp and counts
 * with 0–2 dp; anything else (more dp, exponents, signs, spaces) is refused, never rounded.
 */
function parseScaled(text: string, maxDp: number): number | undefined {
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const frac = match[2] ?? '';
  if (frac.length > maxDp) return undefined;
  return Number(whole) * 10 ** maxDp + Number(frac.padEnd(maxDp, '0'));
}

/** "0.56" / "0.5600" → 5600; undefined when not a ≤4 dp non-negative decimal. */
export const parsePriceE4 = (text: string): number | undefined => parseScaled(text, 4);
/** "10" / "10.5" / "10.50" → 1050; undefined when not a ≤2 dp non-negative decimal. */
export const parseCountE2 = (text: string): number | undefined => parseScaled(text, 2);
