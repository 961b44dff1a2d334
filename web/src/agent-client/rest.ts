/**
 * REST calls to the agent: the paired token in `Authorization: Bearer` (never a URL or a cookie),
 * every response parsed with the protocol schema (an off-schema answer is BAD_RESPONSE naming the
 * field), every error body parsed as ErrorBody. A 401 also tells `onUnauthorized` (re-pair).
 */
import {
  ACTIVITY_PATH,
  AGENT_SENTIMENT_PATH,
  ActivityPage,
  AgentSentimentResponse,
  BACKTESTS_PATH,
  BacktestList,
  BacktestReport,
  CANCEL_ALL_PATH,
  CREDENTIALS_PATH,
  CancelAllResponse,
  CredentialsOverview,
  ENVIRONMENT_PATH,
  EnvironmentOverview,
  ErrorBody,
  FLATTEN_PATH,
  FlattenReport,
  HEALTH_PATH,
  HealthResponse,
  MARKETS_PATH,
  MarketTradesPage,
  MarketsResponse,
  ORDERS_PATH,
  OrderList,
  OrderResponse,
  PAIR_PATH,
  PORTFOLIO_FILLS_PATH,
  PORTFOLIO_PATH,
  PORTFOLIO_SETTLEMENTS_PATH,
  PairResponse,
  PortfolioFillsPage,
  PortfolioResponse,
  PortfolioSettlementsPage,
  StoredCredentials,
  RISK_SETTINGS_PATH,
  RiskSettings,
  STATUS_PATH,
  STRATEGIES_PATH,
  StatusResponse,
  StrategyList,
  StrategyStatus,
  TRADING_STATE_PATH,
  TradingState,
  marketTradesPath,
  validationErrorBody,
} from '@pt/protocol';
import type {
  ActivityKind,
  BacktestId,
  FlattenRequest,
  OrderId,
  PairRequest,
  PlaceOrderRequest,
  PutCredentialsRequest,
  SetTradingModeRequest,
  StrategyId,
  SwitchEnvironmentRequest,
  UpdateStrategyRequest,
} from '@pt/protocol';
import type { z } from 'zod';
import { AgentRequestError } from './errors.js';
import type { ClientError, CommandResult } from './errors.js';

export interface RestClientOptions {
  /** The agent's origin (`http://127.0.0.1:PORT`); '' for same-origin relative URLs. */
  readonly baseUrl: string;
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
  /** Called on any 401: the token is gone (revoked, expired): the app shows pairing. */
  readonly onUnauthorized?: () => void;
}

export interface ActivityFilter {
  readonly kinds?: readonly ActivityKind[];
  readonly ticker?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export type RestClient = ReturnType<typeof createRestClient>;

export function createRestClient(options: RestClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<CommandResult<z.infer<S>>> {
    const headers: Record<string, string> = {};
    const token = options.token();
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      const message = `the agent did not answer (${err instanceof Error ? err.message : String(err)})`;
      return failure({ code: 'AGENT_UNREACHABLE', message, status: null, retryable: true });
    }
    const json = await readJson(res);
    if (!res.ok) {
      if (res.status === 401) options.onUnauthorized?.();
      const parsed = ErrorBody.safeParse(json);
      if (parsed.success) return failure({ ...parsed.data, status: res.status });
      return failure({
        code: 'BAD_RESPONSE',
        message: `HTTP ${res.status}`,
        status: res.status,
        retryable: false,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const { message } = validationErrorBody(parsed.error);
      return failure({
        code: 'BAD_RESPONSE',
        message: `${path}: ${message}`,
        status: res.status,
        retryable: false,
      });
    }
    return { ok: true, data: parsed.data };
  }

  async function query<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const result = await call('GET', path, schema);
    if (!result.ok) throw new AgentRequestError(result.error);
    return result.data;
  }

  return {
    health: () => query(HEALTH_PATH, HealthResponse),
    status: () => query(STATUS_PATH, StatusResponse),
    tradingState: () => query(TRADING_STATE_PATH, TradingState),
    orders: () => query(ORDERS_PATH, OrderList),
    portfolio: () => query(PORTFOLIO_PATH, PortfolioResponse),
    activity: (filter: ActivityFilter = {}) => query(activityPath(filter), ActivityPage),
    pair: (request: PairRequest) => call('POST', PAIR_PATH, PairResponse, request),
    placeOrder: (request: PlaceOrderRequest) => call('POST', ORDERS_PATH, OrderResponse, request),
    cancelOrder: (orderId: OrderId) =>
      call('DELETE', `${ORDERS_PATH}/${encodeURIComponent(orderId)}`, OrderResponse),
    cancelAll: () => call('POST', CANCEL_ALL_PATH, CancelAllResponse, {}),
    /** Flatten All: answers the run's final report (progress streams on `flatten`). */
    flatten: (request: FlattenRequest = {}) => call('POST', FLATTEN_PATH, FlattenReport, request),
    setTradingMode: (request: SetTradingModeRequest) =>
      call('POST', TRADING_STATE_PATH, TradingState, request),
    /** The venue's open markets with book liveness (the agent caches its venue read a few seconds). */
    markets: () => query(MARKETS_PATH, MarketsResponse),
    /** The agent's decayed sentiment per topic; fails (503) when vibe is not configured. */
    sentiment: () => call('GET', AGENT_SENTIMENT_PATH, AgentSentimentResponse),
    /** Our fills on one market, newest first (chart markers). */
    fills: (ticker: string) =>
      query(`${PORTFOLIO_FILLS_PATH}?ticker=${encodeURIComponent(ticker)}&limit=200`, PortfolioFillsPage),
    /** Our fills on every market, newest first, one page (`cursor` from the previous page). */
    fillsPage: (page: PageRequest = {}) => query(pagePath(PORTFOLIO_FILLS_PATH, page), PortfolioFillsPage),
    /** Settled markets as applied to our positions, newest first, one page. */
    settlements: (page: PageRequest = {}) =>
      query(pagePath(PORTFOLIO_SETTLEMENTS_PATH, page), PortfolioSettlementsPage),
    /** The market's recent public trades, newest first (the agent caches its venue read ~2 s). */
    marketTrades: (ticker: string, limit = 200) =>
      query(`${marketTradesPath(ticker)}?limit=${limit}`, MarketTradesPage),
    riskSettings: () => query(RISK_SETTINGS_PATH, RiskSettings),
    /** What keys the agent holds (id and fingerprint, never the key) and whether its keychain works. */
    credentials: () => query(CREDENTIALS_PATH, CredentialsOverview),
    putCredentials: (request: PutCredentialsRequest) =>
      call('PUT', CREDENTIALS_PATH, StoredCredentials, request),
    environment: () => query(ENVIRONMENT_PATH, EnvironmentOverview),
    /** Switches venue; going live needs the acknowledgement (typed phrase + accepted liability). */
    switchEnvironment: (request: SwitchEnvironmentRequest) =>
      call('POST', ENVIRONMENT_PATH, EnvironmentOverview, request),
    /** Backtest report summaries, newest first (`npm run backtest` writes them into the data dir). */
    backtests: () => query(BACKTESTS_PATH, BacktestList),
    /** One full backtest report (equity curve, trades); fails NOT_FOUND when absent. */
    backtest: (id: BacktestId) => call('GET', `${BACKTESTS_PATH}/${encodeURIComponent(id)}`, BacktestReport),
    /** Every strategy with its enablement, full config, markets and last decision time. */
    strategies: () => query(STRATEGIES_PATH, StrategyList),
    /** Enables/disables or replaces the config (full); a 422 names the field (`config.<name>`). */
    updateStrategy: (id: StrategyId, body: UpdateStrategyRequest) =>
      call('PUT', `${STRATEGIES_PATH}/${encodeURIComponent(id)}`, StrategyStatus, body),
    /** PUT the full settings; a 422 names the field (`details.field`). */
    putRiskSettings: (settings: z.input<typeof RiskSettings>) =>
      call('PUT', RISK_SETTINGS_PATH, RiskSettings, settings),
  };
}

export interface PageRequest {
  readonly cursor?: string;
  readonly limit?: number;
}

function pagePath(path: string, page: PageRequest): string {
  const params = new URLSearchParams();
  if (page.cursor !== undefined) params.set('cursor', page.cursor);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}

function activityPath(filter: ActivityFilter): string {
  const params = new URLSearchParams();
  if (filter.kinds !== undefined && filter.kinds.length > 0) params.set('kind', filter.kinds.join(','));
  if (filter.ticker !== undefined && filter.ticker !== '') params.set('ticker', filter.ticker);
  if (filter.cursor !== undefined) params.set('cursor', filter.cursor);
  if (filter.limit !== undefined) params.set('limit', String(filter.limit));
  const query = params.toString();
  return query === '' ? ACTIVITY_PATH : `${ACTIVITY_PATH}?${query}`;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

function failure(error: ClientError): { ok: false; error: ClientError } {
  return { ok: false, error };
}
