/**
 * Positions and realized P&L from the ledger's facts, in venue time order: fills (average cost,
 * position-math.ts), venue settlements (close at the payout) and reconciliation adjustments (the
 * venue's count wins from that instant: fills up to it are inside the venue's figure). Pure and
 * deterministic: the same facts give the same portfolio whatever order they were ledgered in.
 */
import type { MergedFill } from './fill-set.js';
import type { AdjustmentPayload, SettlementPayload } from './portfolio-events.js';
import { applyAdjustment, applyFill, applySettlement, FLAT } from './position-math.js';
import type { PositionState } from './position-math.js';

export interface FoldedPosition extends PositionState {
  readonly ticker: string;
  readonly updatedAtMs: number;
}

/** A realized amount (net of fees) at an instant: today's realized P&L sums these. */
export interface RealizedEntry {
  readonly ticker: string;
  readonly atMs: number;
  readonly realizedNetE6: number;
}

export interface AppliedSettlement extends SettlementPayload {
  readonly positionE2: number;
  readonly costE6: number;
  readonly realizedE6: number;
}

export interface Folded {
  readonly positions: ReadonlyMap<string, FoldedPosition>;
  readonly realized: readonly RealizedEntry[];
  /** Fills that closed contracts at a net loss (the risk engine's LOSS_COOLDOWN). */
  readonly losingExits: readonly { ticker: string; atMs: number }[];
  readonly settlements: readonly AppliedSettlement[];
}

type Fact =
  | { kind: 'fill'; atMs: number; order: number; fill: MergedFill }
  | { kind: 'adjust'; atMs: number; order: number; adjustment: AdjustmentPayload }
  | { kind: 'settle'; atMs: number; order: number; settlement: SettlementPayload };

// At one instant: fills first, then an adjustment (it includes them), then a settlement.
const RANK = { fill: 0, adjust: 1, settle: 2 } as const;

export function foldPortfolio(
  fills: readonly MergedFill[],
  settlements: readonly SettlementPayload[],
  adjustments: readonly AdjustmentPayload[],
): Folded {
  const facts: Fact[] = [
    ...fills.map((fill, i): Fact => ({ kind: 'fill', atMs: fill.executedAtMs, order: i, fill })),
    ...adjustments.map((a, i): Fact => ({ kind: 'adjust', atMs: a.asOfMs, order: i, adjustment: a })),
    ...settlements.map((s, i): Fact => ({ kind: 'settle', atMs: s.settledAtMs, order: i, settlement: s })),
  ];
  facts.sort((a, b) => a.atMs - b.atMs || RANK[a.kind] - RANK[b.kind] || a.order - b.order);
  const positions = new Map<string, FoldedPosition>();
  const realized: RealizedEntry[] = [];
  const losingExits: { ticker: string; atMs: number }[] = [];
  const applied: AppliedSettlement[] = [];
  for (const fact of facts) {
    const ticker = tickerOf(fact);
    const before = positions.get(ticker) ?? { ...FLAT, ticker, updatedAtMs: fact.atMs };
    let after: PositionState;
    if (fact.kind === 'fill') {
      const effect = applyFill(before, fact.fill);
      after = effect.state;
      realized.push({ ticker, atMs: fact.atMs, realizedNetE6: effect.realizedNetE6 });
      if (effect.closedE2 > 0 && effect.realizedNetE6 < 0) losingExits.push({ ticker, atMs: fact.atMs });
    } else if (fact.kind === 'settle') {
      const effect = applySettlement(before, fact.settlement.revenueE6);
      after = effect.state;
      realized.push({ ticker, atMs: fact.atMs, realizedNetE6: effect.realizedNetE6 });
      applied.push({
        ...fact.settlement,
        positionE2: before.positionE2,
        costE6: before.costE6,
        realizedE6: effect.realizedNetE6,
      });
    } else {
      after = applyAdjustment(before, fact.adjustment.toE2, fact.adjustment.costE6);
    }
    positions.set(ticker, { ...after, ticker, updatedAtMs: fact.atMs });
  }
  return { positions, realized, losingExits, settlements: applied };
}

function tickerOf(fact: Fact): string {
  if (fact.kind === 'fill') return fact.fill.ticker;
  if (fact.kind === 'settle') return fact.settlement.ticker;
  return fact.adjustment.ticker;
}
