/**
 * Wire decimal string → scaled integer without going through floating point. Rejects more
 * decimals than the scale holds instead of rounding (money is never silently changed).
 */
export function parseScaled(text: string, dp: number, field: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`${field}: not a decimal string: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '0', frac = ''] = match;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > dp) throw new Error(`${field}: more than ${dp} decimals: ${text}`);
  const value = Number(whole) * 10 ** dp + Number(trimmed.padEnd(dp, '0') || '0');
  if (!Number.isSafeInteger(value)) throw new Error(`${field}: out of range: ${text}`);
  return sign === '-' ? -value : value;
}

export const parseDollarsE4 = (text: string, field = 'price'): number => parseScaled(text, 4, field);
