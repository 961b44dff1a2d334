/**
 * Generic decimal-string ↔ scaled-integer conversion. money.ts builds the unit-specific API on top;
 * this file knows nothing about prices or contracts, only "a decimal string with at most `scaleDp`
 * significant decimals".
 *
 * The grammar is deliberately strict because Kalshi always emits canonical strings ("0.5600",
 * "10.00", "-1.250000"): an optional `-` (only where the caller allows it), then `0` or a digit run
 * without a leading zero, then optionally `.` and at least one digit. Rejected: "", " 1", "+1",
 * ".5", "5.", "01", "1e-3", "NaN", "Infinity", "0.56.1". Decimals beyond `scaleDp` are accepted only
 * when they are all zero ("0.560000" is 0.56); a nonzero digit there is an error, never a rounding.
 */

/** Thrown for any string or number that is not a valid fixed-point value; names the field. */
export class FixedPointError extends Error {
  readonly field: string;
  readonly input: unknown;

  constructor(field: string, input: unknown, reason: string) {
    super(`${field}: ${reason} (got ${describeInput(input)})`);
    this.name = 'FixedPointError';
    this.field = field;
    this.input = input;
  }
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    // Long garbage should not flood logs; the field name is what the reader needs.
    return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  }
  return String(input);
}

/** Longer strings are rejected before any work so a hostile payload cannot cost much. */
const MAX_INPUT_LENGTH = 64;
const DECIMAL_PATTERN = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export interface ParseFixedOptions {
  readonly scaleDp: number;
  readonly isNegativeAllowed: boolean;
}

/** Parses `input` into an integer count of 10^-scaleDp units. Throws FixedPointError. */
export function parseFixed(input: string, field: string, options: ParseFixedOptions): number {
  if (typeof input !== 'string') {
    throw new FixedPointError(field, input, 'expected a decimal string');
  }
  if (input.length > MAX_INPUT_LENGTH) {
    throw new FixedPointError(field, input, `longer than ${MAX_INPUT_LENGTH} characters`);
  }
  const match = DECIMAL_PATTERN.exec(input);
  if (match === null) {
    throw new FixedPointError(
      field,
      input,
      'not a plain decimal (expected digits with an optional fraction, e.g. "0.5600")',
    );
  }
  const [, sign = '', integerDigits = '0', fractionDigits = ''] = match;
  if (sign === '-' && !options.isNegativeAllowed) {
    throw new FixedPointError(field, input, 'must not be negative');
  }
  const significant = fractionDigits.slice(0, options.scaleDp);
  const beyondScale = fractionDigits.slice(options.scaleDp);
  if (/[1-9]/.test(beyondScale)) {
    throw new FixedPointError(
      field,
      input,
      `more than ${options.scaleDp} significant decimal places (refusing to round)`,
    );
  }
  const magnitude = BigInt(integerDigits + significant.padEnd(options.scaleDp, '0'));
  if (magnitude > MAX_SAFE) {
    throw new FixedPointError(field, input, 'out of the safe integer range');
  }
  const value = Number(magnitude);
  // `0 - 0` is +0, so "-0.00" never produces a negative zero.
  return sign === '-' ? 0 - value : value;
}

/** Formats an integer count of 10^-scaleDp units with exactly `scaleDp` decimals. */
export function formatFixed(value: number, scaleDp: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new FixedPointError('value', value, 'not a safe integer');
  }
  const isNegative = value < 0;
  const digits = String(Math.abs(value)).padStart(scaleDp + 1, '0');
  const integerPart = digits.slice(0, digits.length - scaleDp);
  const fractionPart = digits.slice(digits.length - scaleDp);
  const body = scaleDp === 0 ? integerPart : `${integerPart}.${fractionPart}`;
  return isNegative ? `-${body}` : body;
}
