/**
 * Runs every invariant after a scenario, against the live agent and venue:
 * 1. ledger equals venue truth (retried while the agent converges, up to `settleMs`; the
 *    balance may lag the venue by the agent's 30 s refresh: see balance-history.ts);
 * 2. zero duplicate venue orders; 3. zero new exposure while halted (the scenario's span);
 * 4. Flatten All, pressed now, leaves flat or reports residuals within 5 s (then trading resumes).
 */
import { FlattenReport } from '@pt/protocol';
import type { ChaosContext } from '../context.js';
import type { InvariantVerdict } from '../types.js';
import { flattenOutcome, FLATTEN_WITHIN_MS } from './flatten-outcome.js';
import { noExposureWhileHalted, windowsWithin } from './halted-exposure.js';
import { ledgerEqualsVenue, ledgerSummary } from './ledger-equals-venue.js';
import { noDuplicateOrders } from './no-duplicate-orders.js';
import { readAgentView, readVenueTruth, type AgentView, type VenueTruth } from './views.js';

async function converged(
  ctx: ChaosContext,
  settleMs: number,
): Promise<{ agent: AgentView; venue: VenueTruth; violations: string[]; seconds: number }> {
  const startedMs = Date.now();
  const deadline = startedMs + settleMs;
  for (;;) {
    const venue = await readVenueTruth(ctx.venue());
    const agent = await readAgentView((method, path) => ctx.call(method, path));
    const violations = ledgerEqualsVenue(agent, venue, ctx.balances.recent());
    if (violations.length === 0 || Date.now() > deadline)
      return { agent, venue, violations, seconds: (Date.now() - startedMs) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function flattenNow(ctx: ChaosContext): Promise<InvariantVerdict> {
  const name = 'flatten-all ≤ 5 s';
  const startedMs = Date.now();
  const res = await ctx.call('POST', '/v1/flatten', {
    maxSlippageE4: 3_000,
    deadlineMs: FLATTEN_WITHIN_MS - 1_000,
  });
  const elapsedMs = Date.now() - startedMs;
  const text = await res.text();
  if (res.status !== 200)
    return { name, violations: [`POST /v1/flatten answered ${res.status}: ${text}`], summary: '' };
  const report = FlattenReport.parse(JSON.parse(text));
  const venue = await readVenueTruth(ctx.venue());
  const violations = flattenOutcome(report, elapsedMs, venue.positions);
  const residual = report.markets
    .filter((m) => m.status === 'residual')
    .map((m) => `${m.ticker} (${m.reason ?? ''})`);
  await ctx.resume('chaos: next scenario');
  return {
    name,
    violations,
    summary:
      `${elapsedMs} ms, ${report.markets.length} market(s) seen, ` +
      (residual.length === 0 ? 'flat' : `residuals reported: ${residual.join(', ')}`),
  };
}

export async function checkInvariants(
  ctx: ChaosContext,
  fromMs: number,
  settleMs = 20_000,
): Promise<InvariantVerdict[]> {
  const { agent, venue, violations, seconds } = await converged(ctx, settleMs);
  const verdicts: InvariantVerdict[] = [
    {
      name: 'ledger = venue',
      violations,
      summary: `${ledgerSummary(agent, venue)} (equal after ${seconds.toFixed(1)} s)`,
    },
    {
      name: 'no duplicate orders',
      violations: noDuplicateOrders(venue.orders),
      summary: `${venue.orders.length} venue orders`,
    },
  ];
  const flatten = await flattenNow(ctx);
  // After the flatten run too: its own halt is a window in which only its orders may go out.
  const halted = windowsWithin(ctx.monitor.snapshot(), fromMs, Date.now());
  const venueAfter = await readVenueTruth(ctx.venue());
  const agentAfter = await readAgentView((method, path) => ctx.call(method, path));
  const haltedMs = halted.reduce((sum, w) => sum + w.toMs - w.fromMs, 0);
  verdicts.push({
    name: 'no exposure while halted',
    violations: noExposureWhileHalted(halted, venueAfter.orders, agentAfter.orders),
    summary: `${halted.length} halted window(s), ${(haltedMs / 1000).toFixed(1)} s`,
  });
  verdicts.push(flatten);
  return verdicts;
}
