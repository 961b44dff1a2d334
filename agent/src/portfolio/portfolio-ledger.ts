/**
 * Reading the portfolio's facts back from an environment's ledger: our fills (both sources), the
 * settlements and adjustments applied, balance snapshots and the persisted equity peak.
 */
import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from '../store/index.js';
import { FILL_KIND, fillFromLedger } from './fill-records.js';
import type { PortfolioFill } from './fill-records.js';
import {
  ADJUSTMENT_KIND,
  AdjustmentPayload,
  BALANCE_KIND,
  BalancePayload,
  PEAK_KIND,
  PeakPayload,
  PORTFOLIO_SOURCE,
  SETTLEMENT_KIND,
  SettlementPayload,
} from './portfolio-events.js';

/** What the portfolio needs of an environment's ledger (LedgerRepository has it). */
export interface PortfolioLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
  readByKind(
    kind: string,
    query?: { afterId?: number; sinceIngestMs?: number; limit?: number },
  ): LedgerEvent[];
}

const PAGE_ROWS = 1_000;

/** Rows of `kind` after `afterId`, in append order, page by page. */
export function readKind(
  ledger: PortfolioLedger,
  kind: string,
  afterId = 0,
  sinceIngestMs?: number,
): LedgerEvent[] {
  const rows: LedgerEvent[] = [];
  let cursor = afterId;
  for (;;) {
    const page = ledger.readByKind(kind, {
      afterId: cursor,
      limit: PAGE_ROWS,
      ...(sinceIngestMs === undefined ? {} : { sinceIngestMs }),
    });
    rows.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ROWS) return rows;
    cursor = last.id;
  }
}

export function readFills(ledger: PortfolioLedger, afterId = 0): { fills: PortfolioFill[]; lastId: number } {
  const rows = readKind(ledger, FILL_KIND, afterId);
  const fills = rows.flatMap((row) => {
    const fill = fillFromLedger(row);
    return fill === null ? [] : [fill];
  });
  return { fills, lastId: rows.at(-1)?.id ?? afterId };
}

function ours<T>(
  ledger: PortfolioLedger,
  kind: string,
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
) {
  return readKind(ledger, kind).flatMap((row) => {
    if (row.source !== PORTFOLIO_SOURCE) return [];
    const parsed = schema.safeParse(row.payload);
    return parsed.success && parsed.data !== undefined ? [{ row, value: parsed.data }] : [];
  });
}

export function readSettlementPayloads(ledger: PortfolioLedger): SettlementPayload[] {
  return ours<SettlementPayload>(ledger, SETTLEMENT_KIND, SettlementPayload).map((r) => r.value);
}

export function readAdjustments(ledger: PortfolioLedger): AdjustmentPayload[] {
  return ours<AdjustmentPayload>(ledger, ADJUSTMENT_KIND, AdjustmentPayload).map((r) => r.value);
}

/** The highest equity peak ever persisted, or null. */
export function readPeak(ledger: PortfolioLedger): number | null {
  const peaks = ours<PeakPayload>(ledger, PEAK_KIND, PeakPayload).map((r) => r.value.peakE6);
  return peaks.length === 0 ? null : Math.max(...peaks);
}

/** Balance snapshots (with their ledger ids), oldest first, from `sinceMs` when given. */
export function readBalances(
  ledger: PortfolioLedger,
  sinceMs?: number,
): { id: number; balance: BalancePayload }[] {
  return readKind(ledger, BALANCE_KIND, 0, sinceMs).flatMap((row) => {
    if (row.source !== PORTFOLIO_SOURCE) return [];
    const parsed = BalancePayload.safeParse(row.payload);
    return parsed.success ? [{ id: row.id, balance: parsed.data }] : [];
  });
}
