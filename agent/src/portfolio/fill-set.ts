/**
 * Our distinct fills out of the two ledgered sources. Within a source the ledger's key is already
 * unique (`fill:<id>:<order id>`). Across sources the ids can differ (the WS fill carries the
 * trade id, REST the fill id, and Kalshi does not promise they are equal), so the same execution
 * may be stored twice. Each source reports a subset of the true fills, so per order and per
 * (side, price, count, fee, taker) the true number is at least the larger source's count: the merge
 * takes that many (a multiset union), pairing the two sources' records in time order so a merged
 * fill carries both ids. Two fills that look alike and were each missed by the other source would
 * count once; the venue position reconciliation then corrects the count.
 */
import type { PortfolioFill } from './fill-records.js';
import { WS_LEDGER_SOURCE } from '../connectors/kalshi/ws/ledger-sink.js';

/** A fill after the merge: ids from both sources when both had it. */
export interface MergedFill extends PortfolioFill {
  readonly keys: readonly string[];
}

function signature(fill: PortfolioFill): string {
  return `${fill.orderId}|${fill.side}|${fill.yesPriceE4}|${fill.countE2}|${fill.feeE6}|${fill.isTaker}`;
}

function byTime(a: PortfolioFill, b: PortfolioFill): number {
  return a.executedAtMs - b.executedAtMs || a.ledgerId - b.ledgerId;
}

function combine(ws: PortfolioFill | undefined, rest: PortfolioFill | undefined): MergedFill {
  const first = ws ?? rest;
  if (first === undefined) throw new Error('combine needs at least one fill');
  if (ws === undefined || rest === undefined) return { ...first, keys: [`${first.source}/${first.key}`] };
  return {
    ...ws,
    fillId: rest.fillId,
    ledgerId: Math.min(ws.ledgerId, rest.ledgerId),
    keys: [`${ws.source}/${ws.key}`, `${rest.source}/${rest.key}`],
  };
}

export class FillSet {
  private readonly all = new Map<string, PortfolioFill>();
  private merged: MergedFill[] | null = [];

  /** Adds fills; returns those new to the set (a ledger row seen again is ignored). */
  add(fills: readonly PortfolioFill[]): PortfolioFill[] {
    const added: PortfolioFill[] = [];
    for (const fill of fills) {
      const id = `${fill.source}/${fill.key}`;
      if (this.all.has(id)) continue;
      this.all.set(id, fill);
      added.push(fill);
    }
    if (added.length > 0) this.merged = null;
    return added;
  }

  get size(): number {
    return this.all.size;
  }

  /** The distinct fills, oldest first (by venue time, then ledger order). */
  distinct(): readonly MergedFill[] {
    if (this.merged !== null) return this.merged;
    this.merged = mergeSources([...this.all.values()]);
    return this.merged;
  }
}

/** The multiset union of the WS and REST records, oldest first. */
export function mergeSources(fills: readonly PortfolioFill[]): MergedFill[] {
  const groups = new Map<string, { ws: PortfolioFill[]; rest: PortfolioFill[] }>();
  for (const fill of fills) {
    const sig = signature(fill);
    let group = groups.get(sig);
    if (group === undefined) {
      group = { ws: [], rest: [] };
      groups.set(sig, group);
    }
    (fill.source === WS_LEDGER_SOURCE ? group.ws : group.rest).push(fill);
  }
  const out: MergedFill[] = [];
  for (const { ws, rest } of groups.values()) {
    ws.sort(byTime);
    rest.sort(byTime);
    for (let i = 0; i < Math.max(ws.length, rest.length); i += 1) out.push(combine(ws[i], rest[i]));
  }
  return out.sort(byTime);
}
