import { z } from 'zod';

/** Fixed-point wire fields exactly as Kalshi emits them (kalshi-api.md §3.1). */

/** Dollar amount string, 1-6 decimals ("0.5600", "0.010000"). */
export const dollarsString = z.string().regex(/^-?\d+\.\d{1,6}$/, 'expected a fixed-point dollars string');
/** Contract count string, always 2 decimals ("10.00"), signed for positions. */
export const fpString = z.string().regex(/^-?\d+\.\d{2}$/, 'expected a 2-decimal fixed-point count string');
/** RFC 3339 timestamp string. */
export const isoTime = z.iso.datetime({ offset: true });
