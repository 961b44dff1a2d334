/**
 * Mirrors the venue's order-group rule to notice a trip as it happens: a group cancels all its
 * orders once `contractsLimitE2` contracts have matched in a rolling 15 s window (kalshi-api.md,
 * order groups). Fills are keyed by trade id, so a fill seen on the stream and again from
 * reconciliation counts once. Pure: the caller passes the venue's fill times.
 */

/** Kalshi's order-group window. */
export const ORDER_GROUP_WINDOW_MS = 15_000;

interface Match {
  readonly tsMs: number;
  readonly countE2: number;
}

export class GroupMatchWindow {
  private readonly matches = new Map<string, Match>();

  /** Records one fill; true when the group has now matched its limit inside the window. */
  record(tradeId: string, countE2: number, tsMs: number, contractsLimitE2: number): boolean {
    if (!this.matches.has(tradeId)) this.matches.set(tradeId, { tsMs, countE2 });
    return this.matchedE2(tsMs) >= contractsLimitE2;
  }

  /** Contracts matched in the window ending at `nowMs` (older matches are dropped). */
  matchedE2(nowMs: number): number {
    let sum = 0;
    for (const [tradeId, match] of this.matches) {
      if (match.tsMs <= nowMs - ORDER_GROUP_WINDOW_MS) this.matches.delete(tradeId);
      else if (match.tsMs <= nowMs) sum += match.countE2;
    }
    return sum;
  }
}
