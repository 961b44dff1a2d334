/**
 * Why a book must not be traded on. Several reasons can hold at once; a book is quotable only when
 * none does. Kept as a bit mask so the hot path checks one integer.
 */
export const UNQUOTABLE_REASONS = [
  'not_snapshotted',
  'seq_gap',
  'stale',
  'disconnected',
  'inconsistent',
] as const;
export type UnquotableReason = (typeof UNQUOTABLE_REASONS)[number];

/**
 * - not_snapshotted: no venue snapshot yet (a new book, or after `reset`).
 * - seq_gap: the subscription's sequence skipped; deltas since are applied to an unknown base.
 * - stale: no data within the liveness timeout (the connection may still answer pings).
 * - disconnected: the socket is down.
 * - inconsistent: a delta took a level below zero (see OrderBook.applyDelta).
 */
export const REASON_BIT: Record<UnquotableReason, number> = {
  not_snapshotted: 1,
  seq_gap: 2,
  stale: 4,
  disconnected: 8,
  inconsistent: 16,
};

/**
 * Reasons a later event may lift without a snapshot. Staleness is a liveness condition, not an
 * integrity one: when the feed resumes with contiguous seq numbers, nothing was missed. Every other
 * reason means the book content itself is in doubt, so only a fresh snapshot clears it.
 */
export const LIFTABLE_WITHOUT_SNAPSHOT: ReadonlySet<UnquotableReason> = new Set(['stale']);

export function reasonsOf(mask: number): UnquotableReason[] {
  return UNQUOTABLE_REASONS.filter((reason) => (mask & REASON_BIT[reason]) !== 0);
}
