import { z } from 'zod';

/**
 * Opaque offset cursors. The last page answers `cursor: ""` (Kalshi: "An empty value of this
 * field indicates there is no next page"); a cursor we did not issue is a 400, not page one.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : null;
}

export function pageOf<T>(items: readonly T[], offset: number, limit: number): { page: T[]; cursor: string } {
  const page = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { page, cursor: next < items.length ? encodeCursor(next) : '' };
}

/** `limit` query: default and maximum per endpoint; out of range is rejected, never clamped. */
export function limitSchema(defaultLimit: number, maxLimit: number) {
  return z
    .string()
    .regex(/^\d+$/, 'limit: must be a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'limit: must be at least 1')
        .max(maxLimit, `limit: must be at most ${maxLimit}`),
    )
    .optional()
    .transform((v) => v ?? defaultLimit);
}
