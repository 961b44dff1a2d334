/**
 * The ledger records the portfolio writes (source `agent.portfolio`) and the zod schemas that read
 * them back. Keys make every record idempotent: a settlement seen on two syncs is one row.
 */
import { MarketTicker } from '@pt/protocol';
import { z } from 'zod';
import type { LedgerEventInput } from '../store/index.js';

export const PORTFOLIO_SOURCE = 'agent.portfolio';
export const SETTLEMENT_KIND = 'portfolio.settlement';
export const ADJUSTMENT_KIND = 'portfolio.position_adjusted';
export const BALANCE_KIND = 'portfolio.balance_snapshot';
export const PEAK_KIND = 'portfolio.equity_peak';

const Ms = z.int().nonnegative();
const Money = z.int();

/** A venue settlement (REST `/portfolio/settlements`) we applied to the position. */
export const SettlementPayload = z.strictObject({
  ticker: MarketTicker,
  eventTicker: z.string().min(1),
  marketResult: z.enum(['yes', 'no', 'scalar']),
  yesCountE2: z.int().nonnegative(),
  noCountE2: z.int().nonnegative(),
  revenueE6: Money,
  feeE6: Money,
  settledAtMs: Ms,
});
export type SettlementPayload = z.infer<typeof SettlementPayload>;

/** Reconciliation: the venue's position differed from the fills; from `asOfMs` on, the venue's counts. */
export const AdjustmentPayload = z.strictObject({
  ticker: MarketTicker,
  fromE2: z.int(),
  toE2: z.int(),
  costE6: Money,
  asOfMs: Ms,
});
export type AdjustmentPayload = z.infer<typeof AdjustmentPayload>;

export const BalancePayload = z.strictObject({
  availableE6: Money,
  portfolioValueE6: Money,
  equityE6: Money.nullable(),
  reason: z.enum(['periodic', 'change']),
  atMs: Ms,
});
export type BalancePayload = z.infer<typeof BalancePayload>;

export const PeakPayload = z.strictObject({ peakE6: Money, atMs: Ms });
export type PeakPayload = z.infer<typeof PeakPayload>;

export function settlementRecord(s: SettlementPayload): LedgerEventInput {
  return {
    source: PORTFOLIO_SOURCE,
    sourceEventId: `settlement:${s.ticker}:${s.settledAtMs}`,
    kind: SETTLEMENT_KIND,
    payload: s,
    venueTsMs: s.settledAtMs,
  };
}

export function adjustmentRecord(a: AdjustmentPayload): LedgerEventInput {
  return {
    source: PORTFOLIO_SOURCE,
    sourceEventId: `adjust:${a.ticker}:${a.asOfMs}`,
    kind: ADJUSTMENT_KIND,
    payload: a,
    venueTsMs: null,
  };
}

export function balanceRecord(b: BalancePayload): LedgerEventInput {
  return {
    source: PORTFOLIO_SOURCE,
    sourceEventId: `balance:${b.atMs}`,
    kind: BALANCE_KIND,
    payload: b,
    venueTsMs: null,
    // The history's time filter reads the indexed column.
    ingestTsMs: b.atMs,
  };
}

export function peakRecord(p: PeakPayload): LedgerEventInput {
  return {
    source: PORTFOLIO_SOURCE,
    sourceEventId: `peak:${p.atMs}`,
    kind: PEAK_KIND,
    payload: p,
    venueTsMs: null,
  };
}
