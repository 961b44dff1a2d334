/**
 * Invariant: the agent's ledger equals the venue's truth. Every venue order of the account is in
 * the agent's list under the same client order id and order id, working on one side exactly when
 * it rests on the other, with the same filled count; no acknowledged agent order is missing from
 * the venue; no order is left unresolved (`submitting`/`unknown`); fills per order, non-zero
 * positions and the cash balance are equal (the balance as the venue reported it now or within the
 * agent's refresh lag: `recentBalancesE6`).
 */
import type { AgentOrderRow, AgentView, VenueTruth } from './views.js';

const WORKING = new Set<AgentOrderRow['status']>(['resting', 'partially_filled']);
const UNRESOLVED = new Set<AgentOrderRow['status']>(['submitting', 'unknown']);

export function ledgerEqualsVenue(
  agent: AgentView,
  venue: VenueTruth,
  recentBalancesE6: readonly number[] = [],
): string[] {
  return [
    ...orderViolations(agent, venue),
    ...fillViolations(agent, venue),
    ...positionViolations(agent, venue),
  ].concat(balanceViolations(agent, venue, recentBalancesE6));
}

function orderViolations(agent: AgentView, venue: VenueTruth): string[] {
  const out: string[] = [];
  const agentByOrderId = new Map(agent.orders.filter((o) => o.orderId !== null).map((o) => [o.orderId, o]));
  for (const v of venue.orders) {
    const mine = agentByOrderId.get(v.orderId);
    if (mine === undefined) {
      out.push(
        `venue order ${v.orderId} (${v.clientOrderId ?? 'no client id'}) is not in the agent's orders`,
      );
      continue;
    }
    if (v.clientOrderId !== undefined && mine.clientOrderId !== v.clientOrderId)
      out.push(`order ${v.orderId}: client id ${mine.clientOrderId ?? 'null'} ≠ venue ${v.clientOrderId}`);
    if (WORKING.has(mine.status) !== (v.status === 'resting'))
      out.push(`order ${v.orderId}: agent says ${mine.status}, venue says ${v.status}`);
    if (mine.filledCountE2 !== v.fillCountE2)
      out.push(`order ${v.orderId}: agent filled ${mine.filledCountE2}, venue ${v.fillCountE2} (E2)`);
  }
  const onVenue = new Set(venue.orders.map((o) => o.orderId));
  for (const mine of agent.orders) {
    if (UNRESOLVED.has(mine.status))
      out.push(`order ${mine.clientOrderId ?? '?'} is still ${mine.status} (never reconciled)`);
    else if (mine.orderId !== null && !onVenue.has(mine.orderId))
      out.push(`agent order ${mine.orderId} (${mine.status}) does not exist on the venue`);
  }
  return out;
}

function fillViolations(agent: AgentView, venue: VenueTruth): string[] {
  const out: string[] = [];
  for (const orderId of new Set([...agent.fillsByOrder.keys(), ...venue.fillsByOrder.keys()])) {
    const a = agent.fillsByOrder.get(orderId) ?? 0;
    const v = venue.fillsByOrder.get(orderId) ?? 0;
    if (a !== v) out.push(`fills of order ${orderId}: agent ${a}, venue ${v} (E2)`);
  }
  return out;
}

function positionViolations(agent: AgentView, venue: VenueTruth): string[] {
  const out: string[] = [];
  for (const ticker of new Set([...agent.positions.keys(), ...venue.positions.keys()])) {
    const a = agent.positions.get(ticker) ?? 0;
    const v = venue.positions.get(ticker) ?? 0;
    if (a !== v) out.push(`position ${ticker}: agent ${a}, venue ${v} (E2)`);
  }
  return out;
}

function balanceViolations(agent: AgentView, venue: VenueTruth, recent: readonly number[]): string[] {
  if (agent.availableE6 === venue.balanceE6) return [];
  if (agent.availableE6 !== null && recent.includes(agent.availableE6)) return [];
  return [`balance: agent ${agent.availableE6 ?? 'unknown'}, venue ${venue.balanceE6} (E6)`];
}

export function ledgerSummary(agent: AgentView, venue: VenueTruth): string {
  const fills = [...venue.fillsByOrder.values()].reduce((n, c) => n + c, 0);
  return (
    `${venue.orders.length} venue orders / ${agent.orders.length} agent orders, ` +
    `${fills / 100} contracts filled, ${venue.positions.size} open positions, balance $${venue.balanceE6 / 1e6}`
  );
}
