/**
 * Every strategy decision, written down: a `strategy.decision` ledger row (source
 * `agent.strategies`) with the inputs summary, model id, sentiment age and the outcome (intent →
 * the order's client id or the road's denial; not traded → the blocking reason), and an activity
 * entry: `strategy` for an intent sent, `not_traded` with its NotTradedReason otherwise.
 */
import type { NotTradedReason } from '@pt/protocol';
import type { Logger } from 'pino';
import { notTraded, type ActivityInput } from '../activity/index.js';
import type { DenialRule } from '../execution/types.js';
import type { LedgerEventInput } from '../store/index.js';
import type { Decision } from '../strategies/index.js';
import { STRATEGY_SOURCE } from './settings-store.js';

export const STRATEGY_DECISION_KIND = 'strategy.decision';

export type DecisionOutcome =
  | { kind: 'sent'; clientOrderId: string; status: string }
  | { kind: 'denied'; clientOrderId: string; rule: DenialRule; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'not_traded' };

export interface DecisionSinks {
  ledger: () => { append(events: readonly LedgerEventInput[]): Promise<unknown> };
  activity: { record(input: ActivityInput): Promise<unknown> };
  logger: Pick<Logger, 'warn'>;
}

/** The road's denial rule as the feed's reason. */
export function reasonForDenial(rule: DenialRule): NotTradedReason {
  switch (rule) {
    case 'TRADING_HALTED':
    case 'EXCHANGE_PAUSED':
      return 'trading_halted';
    case 'REDUCE_ONLY':
      return 'reducing_only';
    case 'INSUFFICIENT_BALANCE':
      return 'insufficient_balance';
    case 'MARKET_NOT_ACTIVE':
      return 'market_not_active';
    case 'PRE_CLOSE_BLACKOUT':
      return 'pre_close_window';
    case 'BOOK_STALE':
      return 'data_stale';
    case 'UNKNOWN_OUTCOME_PENDING':
      return 'outcome_unknown_pending';
    case 'ORDER_RATE':
      return 'rate_limited';
    case 'DAILY_LOSS_LIMIT':
    case 'EVENT_EXPOSURE_LIMIT':
    case 'FAT_FINGER':
    case 'LOSS_COOLDOWN':
    case 'MARKET_POSITION_LIMIT':
    case 'MAX_OPEN_ORDERS':
    case 'MAX_ORDER_NOTIONAL':
    case 'MAX_ORDER_SIZE':
    case 'TOTAL_EXPOSURE':
      return 'risk_limit';
  }
}

function activityFor(
  strategyId: string,
  decision: Decision,
  outcome: DecisionOutcome,
  key: string,
): ActivityInput | null {
  if (decision.kind === 'not_traded') {
    return notTraded({
      strategyId,
      ticker: decision.ticker,
      reason: decision.reason,
      detail: decision.detail,
      key,
    });
  }
  if (outcome.kind === 'denied') {
    const detail = `${outcome.rule}: ${outcome.detail}`;
    return notTraded({
      strategyId,
      ticker: decision.ticker,
      reason: reasonForDenial(outcome.rule),
      detail,
      key,
    });
  }
  if (outcome.kind === 'failed') {
    return notTraded({
      strategyId,
      ticker: decision.ticker,
      reason: 'venue_unavailable',
      detail: outcome.detail,
      key,
    });
  }
  // A sent order's own steps (placed, filled, …) are recorded by the execution road.
  const verb = decision.side === 'bid' ? 'buy' : 'sell';
  return {
    key,
    kind: 'strategy',
    severity: 'info',
    message: `${strategyId} decided to ${verb} ${(decision.countE2 / 100).toFixed(2)} ${decision.ticker} at $${(decision.priceE4 / 10_000).toFixed(4)}: ${decision.reason}.`,
    ticker: decision.ticker,
    strategyId,
    ...(outcome.kind === 'sent' ? { clientOrderId: outcome.clientOrderId } : {}),
  };
}

export async function recordDecision(
  sinks: DecisionSinks,
  entry: { strategyId: string; atMs: number; seq: number; decision: Decision; outcome: DecisionOutcome },
): Promise<void> {
  const key = `strategy:${entry.strategyId}:${entry.decision.ticker}:${entry.atMs}:${entry.seq}`;
  const inputs = entry.decision.inputs;
  const payload = {
    strategyId: entry.strategyId,
    atMs: entry.atMs,
    decision: entry.decision,
    outcome: entry.outcome,
    modelId: inputs.modelId ?? null,
    sentimentAgeMs: inputs.sentimentAgeMs ?? null,
  };
  try {
    await sinks.ledger().append([
      {
        source: STRATEGY_SOURCE,
        sourceEventId: key,
        kind: STRATEGY_DECISION_KIND,
        payload,
        venueTsMs: null,
      },
    ]);
    const activity = activityFor(entry.strategyId, entry.decision, entry.outcome, key);
    if (activity !== null) await sinks.activity.record({ ...activity, atMs: entry.atMs });
  } catch (err) {
    sinks.logger.warn({ err, key }, 'strategy decision not recorded');
  }
}
