import { z } from 'zod';

/** Shared zod field parsers for the recorded files (CSV cells arrive as strings). */

/** Integer cents 0..100 written as "42" or pandas-style "42.0". */
export const centsCell = z
  .string()
  .regex(/^\d{1,3}(\.0+)?$/, 'expected integer cents')
  .transform((s) => Number.parseInt(s, 10))
  .pipe(z.number().int().min(0).max(100));

/** Non-negative integer count written as a string. */
export const countCell = z
  .string()
  .regex(/^\d+$/, 'expected a whole count')
  .transform((s) => Number.parseInt(s, 10));

/** ISO-8601 timestamp; a missing zone means UTC (the weather logger ran on a UTC VM). */
export const isoCell = z.string().transform((s, ctx) => {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(s);
  const ms = Date.parse(hasZone ? s : `${s}Z`);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `not an ISO timestamp: ${s}` });
    return z.NEVER;
  }
  return ms;
});

export const tickerCell = z.string().regex(/^[A-Z0-9][A-Z0-9.-]*$/, 'expected a Kalshi ticker');

/** A probability 0..1 with at most 2 decimals (cents / 100), converted back to integer cents. */
export const probAsCents = z
  .number()
  .min(0)
  .max(1)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'expected a whole-cent probability')
  .transform((p) => Math.round(p * 100));
