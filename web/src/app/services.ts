/**
 * The agent client the feature stores use, set once at boot (app/boot.ts) and by component tests
 * (a fake). Stores call it; components never do.
 */
import type { RestClient } from '../agent-client/index.js';

export type AgentRest = Pick<
  RestClient,
  | 'status'
  | 'tradingState'
  | 'orders'
  | 'portfolio'
  | 'activity'
  | 'pair'
  | 'placeOrder'
  | 'cancelOrder'
  | 'cancelAll'
  | 'flatten'
  | 'setTradingMode'
  | 'markets'
  | 'sentiment'
  | 'fills'
  | 'fillsPage'
  | 'settlements'
  | 'marketTrades'
  | 'riskSettings'
  | 'putRiskSettings'
  | 'credentials'
  | 'putCredentials'
  | 'environment'
  | 'switchEnvironment'
  | 'backtests'
  | 'backtest'
  | 'strategies'
  | 'updateStrategy'
>;

let current: AgentRest | null = null;

export function setAgentRest(rest: AgentRest): void {
  current = rest;
}

export function agentRest(): AgentRest {
  if (current === null) throw new Error('agent client not set (boot has not run)');
  return current;
}

type MarketFollower = (tickers: readonly string[]) => void;
let follower: MarketFollower = () => undefined;

/** Set at boot: hands the markets on screen to the stream (their books arrive in the book store). */
export function setMarketFollower(next: MarketFollower): void {
  follower = next;
}

export function followMarkets(tickers: readonly string[]): void {
  follower(tickers);
}
