/**
 * The checks every entry passes before it becomes an intent, in order, each a NotTradedReason:
 * an unquotable book, stale book data, a wide spread, the pre-close window (or an unknown close).
 */
import type { NotTradedReason } from '@pt/protocol';
import type { CommonStrategyConfig } from './common-config.js';
import type { BookTopEvent, InputsSummary, StepResult, StrategyContext } from './types.js';

export interface Blocked {
  readonly reason: NotTradedReason;
  readonly detail: string;
}

export function entryBlocked(
  book: BookTopEvent,
  ctx: StrategyContext,
  config: CommonStrategyConfig,
): Blocked | null {
  if (!book.isQuotable || book.bestBidE4 === null || book.bestAskE4 === null) {
    return { reason: 'book_not_quotable', detail: 'no two-sided quotable book' };
  }
  const ageMs = book.atMs - book.asOfMs;
  if (ageMs > config.maxBookAgeMs) {
    return { reason: 'data_stale', detail: `book data ${Math.round(ageMs / 1000)} s old` };
  }
  const spreadE4 = book.bestAskE4 - book.bestBidE4;
  if (spreadE4 > config.maxSpreadE4) {
    return { reason: 'spread_too_wide', detail: `spread ${spreadE4} > ${config.maxSpreadE4} (E4)` };
  }
  if (ctx.closeTimeMs === null) return { reason: 'market_not_active', detail: 'close time unknown' };
  const toCloseMs = ctx.closeTimeMs - book.atMs;
  if (toCloseMs < config.preCloseWindowMs) {
    return { reason: 'pre_close_window', detail: `closes in ${Math.max(0, Math.round(toCloseMs / 1000))} s` };
  }
  return null;
}

/** Only report a block when its reason changes or `everyMs` passed: a blocked signal on every tick is one row a minute. */
export function shouldReport(
  last: { reason: NotTradedReason; atMs: number } | null,
  reason: NotTradedReason,
  nowMs: number,
  everyMs = 60_000,
): boolean {
  return last === null || last.reason !== reason || nowMs - last.atMs >= everyMs;
}

/** State fields every strategy keeps for reporting blocks. */
interface BlockReporting {
  readonly ticker: string;
  readonly lastBlocked: { reason: NotTradedReason; atMs: number } | null;
}

/**
 * A blocked entry as the step's result: a `not_traded` decision when `shouldReport` says so (and
 * the report remembered in `lastBlocked`), otherwise the next state with no decision.
 */
export function blockedStep<State extends BlockReporting>(
  next: State,
  block: Blocked,
  atMs: number,
  inputs: InputsSummary,
): StepResult<State> {
  if (!shouldReport(next.lastBlocked, block.reason, atMs)) return { state: next, decisions: [] };
  return {
    state: { ...next, lastBlocked: { reason: block.reason, atMs } },
    decisions: [
      { kind: 'not_traded', ticker: next.ticker, reason: block.reason, detail: block.detail, inputs },
    ],
  };
}
