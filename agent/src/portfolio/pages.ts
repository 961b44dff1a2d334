/**
 * Newest-first keyset pages over in-memory lists (fills, settlements, balance snapshots). Each item
 * has a unique (atMs, id) key; the opaque cursor is base64url of the last item's key, and the next
 * page holds the items strictly older than it, so appends never shift a page already read.
 */
import { AgentError } from '../lib/errors.js';

export interface PageKey {
  readonly atMs: number;
  readonly id: number;
}

export const DEFAULT_PAGE = 100;

export function encodePageCursor(key: PageKey): string {
  return Buffer.from(`${key.atMs}.${key.id}`, 'utf8').toString('base64url');
}

/** VALIDATION_FAILED naming `cursor` for anything that is not one of ours. */
export function decodePageCursor(cursor: string): PageKey {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const key = match === null ? null : { atMs: Number(match[1]), id: Number(match[2]) };
  if (key === null || encodePageCursor(key) !== cursor) {
    const message = 'expected a cursor from a previous page';
    throw new AgentError(
      'VALIDATION_FAILED',
      `cursor: ${message}`,
      {},
      {
        field: 'cursor',
        issues: [{ field: 'cursor', message }],
      },
    );
  }
  return key;
}

function isOlder(a: PageKey, b: PageKey): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

export function pageNewestFirst<T>(
  items: readonly T[],
  keyOf: (item: T) => PageKey,
  query: { cursor?: string | undefined; limit?: number | undefined },
): { items: T[]; nextCursor: string | null } {
  const limit = query.limit ?? DEFAULT_PAGE;
  const after = query.cursor === undefined ? null : decodePageCursor(query.cursor);
  const sorted = [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return kb.atMs - ka.atMs || kb.id - ka.id;
  });
  const older = after === null ? sorted : sorted.filter((item) => isOlder(keyOf(item), after));
  const page = older.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: older.length > limit && last !== undefined ? encodePageCursor(keyOf(last)) : null,
  };
}
