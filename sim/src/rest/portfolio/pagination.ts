import { z } from 'zod';

/** Kalshi list defaults (kalshi-api.md §3.1): default 100, max 1000 for portfolio lists. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().optional(),
});

/**
 * Opaque cursor = base64url of the next offset. Lists are in a stable order, so an offset is
 * enough for a simulator; an unknown cursor restarts nothing and is rejected by the caller.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** One page plus the cursor of the next; `""` at the end ("empty value = no next page"). */
export function paginate<T>(
  items: readonly T[],
  offset: number,
  limit: number,
): { page: T[]; cursor: string } {
  const page = items.slice(offset, offset + limit);
  const next = offset + page.length;
  return { page, cursor: next < items.length ? encodeCursor(next) : '' };
}
