/**
 * Activity for everything that is not one order: signals not traded, halts and resumes, the venue
 * connection, stale data, reconciliation and Flatten All progress.
 */
import type { ActivitySeverity, NotTradedReason, TradingState } from '@pt/protocol';
import type { ActivityInput } from './activity-input.js';
import { seconds, sentence } from './format.js';

const NOT_TRADED_TEXT: Record<NotTradedReason, string> = {
  trading_halted: 'trading is halted',
  reducing_only: 'trading is reducing only',
  risk_limit: 'a risk limit blocks it',
  insufficient_balance: 'the balance is insufficient',
  market_not_active: 'the market is not active',
  book_not_quotable: 'the book is not quotable',
  data_stale: 'market data is stale',
  sentiment_stale: 'sentiment is older than its ttl',
  outcome_unknown_pending: 'an order outcome on the market is unknown',
  rate_limited: 'the order rate limit is reached',
  venue_unavailable: 'the venue is unavailable',
  spread_too_wide: 'the spread is too wide',
  pre_close_window: 'the market closes too soon',
  model_gate_closed: 'the model gate is closed',
  sentiment_kill_switch: 'the sentiment kill switch is engaged',
};

export interface NotTradedActivity {
  strategyId: string;
  ticker: string;
  reason: NotTradedReason;
  /** Extra words after the reason, e.g. the limit that was hit. */
  detail?: string;
  /** The signal's id when the strategy can report it twice. */
  key?: string;
}

export function notTraded(input: NotTradedActivity): ActivityInput {
  const detail = input.detail === undefined ? '' : ` (${input.detail.trim()})`;
  return {
    ...(input.key === undefined ? {} : { key: input.key }),
    kind: 'not_traded',
    severity: 'info',
    message: `${input.strategyId} signal on ${input.ticker} not traded: ${NOT_TRADED_TEXT[input.reason]}${detail}.`,
    ticker: input.ticker,
    strategyId: input.strategyId,
    notTradedReason: input.reason,
  };
}

export type ChangedBy = 'user' | 'system';

export function tradingHalted(reason: string, changedBy: ChangedBy, key?: string): ActivityInput {
  const who = changedBy === 'user' ? 'by the trader' : 'by the agent';
  return {
    ...(key === undefined ? {} : { key }),
    kind: 'trading_state',
    severity: 'warning',
    message: `Trading halted ${who}: ${sentence(reason)}`,
  };
}

export function tradingResumed(reason: string, changedBy: ChangedBy, key?: string): ActivityInput {
  const who = changedBy === 'user' ? 'by the trader' : 'by the agent';
  return {
    ...(key === undefined ? {} : { key }),
    kind: 'trading_state',
    severity: 'info',
    message: `Trading resumed ${who}: ${sentence(reason)}`,
  };
}

/**
 * A recorded change of the trading switch or a system halt (TradingControls): halted, reducing
 * only, or active again, with who did it and why. Keyed by the state's start, so a change reported
 * twice is one entry.
 */
export function tradingStateChanged(state: TradingState, environment: string): ActivityInput {
  const key = `trading-state:${environment}:${state.mode}:${state.sinceMs}`;
  if (state.mode === 'halted') return tradingHalted(state.reason, state.changedBy, key);
  if (state.mode === 'active') return tradingResumed(state.reason, state.changedBy, key);
  const who = state.changedBy === 'user' ? 'by the trader' : 'by the agent';
  return {
    key,
    kind: 'trading_state',
    severity: 'warning',
    message: `Trading set to reducing only ${who} (only orders that shrink a position): ${sentence(state.reason)}`,
  };
}

export function venueDisconnected(code: number, reason: string): ActivityInput {
  const why = reason.trim() === '' ? '' : `: ${reason.trim()}`;
  return {
    kind: 'connection',
    severity: 'warning',
    message: `Venue stream disconnected (code ${code}${why}); reconnecting, no new orders until reconciled.`,
  };
}

export function venueReconnected(attempt: number, downMs: number): ActivityInput {
  return {
    kind: 'connection',
    severity: 'info',
    message: `Venue stream reconnected after ${seconds(downMs)} (attempt ${attempt}); reconciling orders, fills and positions.`,
  };
}

export type StaleWhat =
  { kind: 'socket' } | { kind: 'channel'; channel: string } | { kind: 'market'; ticker: string };

export function staleData(what: StaleWhat, reason: string): ActivityInput {
  const subject =
    what.kind === 'market'
      ? `Market data for ${what.ticker} is stale`
      : what.kind === 'channel'
        ? `The venue's ${what.channel} feed is stale`
        : 'The venue stream is silent';
  return {
    kind: 'connection',
    severity: 'warning',
    message: `${subject}: ${sentence(reason)}`,
    ticker: what.kind === 'market' ? what.ticker : null,
  };
}

export function reconciliationFailed(failure: string, key?: string): ActivityInput {
  return {
    ...(key === undefined ? {} : { key }),
    kind: 'reconciliation',
    severity: 'error',
    message: `Reconciliation with the venue failed: ${sentence(failure)} Trading stays halted.`,
  };
}

export function reconciliationSucceeded(fillsRecorded: number, key?: string): ActivityInput {
  const fills = fillsRecorded === 0 ? 'no missed fills' : `${fillsRecorded} missed fill(s) recorded`;
  return {
    ...(key === undefined ? {} : { key }),
    kind: 'reconciliation',
    severity: 'info',
    message: `Reconciled with the venue: ${fills}.`,
  };
}

export interface FlattenProgress {
  /** The Flatten All run this step belongs to (key: `flatten:<runId>:<step>`). */
  runId: string;
  /** Unique within the run, e.g. `cancel-all`, `market:<ticker>:pass-2`, `done`. */
  step: string;
  message: string;
  ticker?: string | null;
  severity?: ActivitySeverity;
}

export function flattenProgress(p: FlattenProgress): ActivityInput {
  return {
    key: `flatten:${p.runId}:${p.step}`,
    kind: 'system',
    severity: p.severity ?? 'info',
    message: `Flatten All: ${sentence(p.message)}`,
    ticker: p.ticker ?? null,
  };
}
