/**
 * A fake agent REST client for component tests (house style: UI tests run against a fake
 * agent-client; the real agent is in agent/test/web). Each method answers from a queue the test
 * fills, and records what it was called with.
 */
import {
  DEFAULT_RISK_SETTINGS,
  LIABILITY_TEXT,
  LIVE_ACK_PHRASE,
  MarketTicker,
  RiskSettings,
  StrategyStatus,
} from '@pt/protocol';
import type {
  ActivityEvent,
  UpdateStrategyRequest,
  AgentSentimentResponse,
  BacktestReport,
  CredentialsOverview,
  EnvironmentOverview,
  PutCredentialsRequest,
  SwitchEnvironmentRequest,
  Fill,
  MarketTrade,
  SettlementRecord,
  MarketListEntry,
  SetTradingModeRequest,
  CancelAllResponse,
  FlattenReport,
  Order,
  PortfolioResponse,
  OrderResponse,
  PlaceOrderRequest,
} from '@pt/protocol';
import type { ClientError, CommandResult } from '../agent-client/index.js';
import type { AgentRest } from '../app/services.js';

export interface FakeAgent {
  readonly rest: AgentRest;
  readonly placed: PlaceOrderRequest[];
  readonly canceled: string[];
  placeAnswer: CommandResult<OrderResponse>;
  orders: Order[];
  portfolio: PortfolioResponse | null;
  flattenAnswer: CommandResult<FlattenReport>;
  flattenPresses: number;
  modeRequests: SetTradingModeRequest[];
  markets: MarketListEntry[];
  fills: Fill[];
  /** Settlements, newest first; `settlements()` pages them (cursor = next index). */
  settlementRecords: SettlementRecord[];
  /** Public trades per ticker, newest first (`marketTrades`). */
  trades: Record<string, MarketTrade[]>;
  /** Every page asked of `fillsPage` / `settlements` (cursor or 'first'). */
  pageRequests: string[];
  sentimentAnswer: CommandResult<AgentSentimentResponse>;
  riskSettings: RiskSettings;
  /** What PUT /v1/risk/settings answers; null = accept what was sent. */
  riskAnswer: CommandResult<RiskSettings> | null;
  riskPuts: unknown[];
  credentials: CredentialsOverview;
  environment: EnvironmentOverview;
  keyImports: PutCredentialsRequest[];
  switches: SwitchEnvironmentRequest[];
  /** The agent's backtest reports, newest first; `backtest(id)` answers NOT_FOUND for others. */
  backtests: BacktestReport[];
  backtestRequests: string[];
  /** What `activity()` answers (one page, newest first). */
  activityEvents: ActivityEvent[];
  /** The agent's strategies; `updateStrategy` applies a change to them unless `strategyAnswer`. */
  strategies: StrategyStatus[];
  /** What PUT /v1/strategies/:id answers; null = apply the change. */
  strategyAnswer: CommandResult<StrategyStatus> | null;
  strategyPuts: { id: string; body: UpdateStrategyRequest }[];
}

export function refusal(
  error: Partial<ClientError> & Pick<ClientError, 'code' | 'message'>,
): CommandResult<never> {
  return { ok: false, error: { status: 422, retryable: false, ...error } };
}

/** One page of `items` from `cursor` (an index as text), `limit` long (default 50). */
function slicePage<T>(
  items: readonly T[],
  page: { cursor?: string; limit?: number },
): { items: T[]; nextCursor: string | null } {
  const start = Number(page.cursor ?? '0');
  const end = start + (page.limit ?? 50);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

export function fakeAgent(): FakeAgent {
  const fake: FakeAgent = {
    placed: [],
    canceled: [],
    orders: [],
    portfolio: null,
    flattenPresses: 0,
    modeRequests: [],
    markets: [],
    fills: [],
    settlementRecords: [],
    trades: {},
    pageRequests: [],
    sentimentAnswer: refusal({ code: 'CONFIG_INVALID', message: 'Sentiment is not configured' }),
    riskSettings: DEFAULT_RISK_SETTINGS,
    riskAnswer: null,
    riskPuts: [],
    credentials: { keychain: { available: true, detail: 'Secret Service' }, credentials: [] },
    environment: {
      environment: 'sim',
      sinceMs: 1,
      liveAck: { phrase: LIVE_ACK_PHRASE, liabilityText: LIABILITY_TEXT, liabilityTextVersion: 1 },
      blockers: { sim: [], demo: ['KEYS_MISSING'], live: ['KEYS_MISSING', 'ACK_REQUIRED'] },
    },
    keyImports: [],
    switches: [],
    backtests: [],
    backtestRequests: [],
    activityEvents: [],
    strategies: [],
    strategyAnswer: null,
    strategyPuts: [],
    flattenAnswer: refusal({ code: 'INTERNAL', message: 'no answer queued' }),
    placeAnswer: refusal({ code: 'INTERNAL', message: 'no answer queued' }),
    rest: {
      markets: () => Promise.resolve({ markets: fake.markets, isTruncated: false, asOfMs: 1 }),
      fills: () => Promise.resolve({ fills: fake.fills, nextCursor: null }),
      fillsPage: (page = {}) => {
        fake.pageRequests.push(`fills:${page.cursor ?? 'first'}`);
        const { items, nextCursor } = slicePage(fake.fills, page);
        return Promise.resolve({ fills: items, nextCursor });
      },
      settlements: (page = {}) => {
        fake.pageRequests.push(`settlements:${page.cursor ?? 'first'}`);
        const { items, nextCursor } = slicePage(fake.settlementRecords, page);
        return Promise.resolve({ settlements: items, nextCursor });
      },
      marketTrades: (ticker) =>
        Promise.resolve({
          ticker: MarketTicker.parse(ticker),
          trades: fake.trades[ticker] ?? [],
          nextCursor: null,
          asOfMs: 1,
        }),
      sentiment: () => Promise.resolve(fake.sentimentAnswer),
      riskSettings: () => Promise.resolve(fake.riskSettings),
      credentials: () => Promise.resolve(fake.credentials),
      putCredentials: (request) => {
        fake.keyImports.push(request);
        const stored = {
          environment: request.environment,
          keyId: request.keyId,
          fingerprint: `SHA256:${'A'.repeat(43)}`,
          keyBits: 2048,
          storedAtMs: 2,
        };
        fake.credentials = { ...fake.credentials, credentials: [stored] };
        return Promise.resolve({ ok: true, data: stored });
      },
      environment: () => Promise.resolve(fake.environment),
      switchEnvironment: (request) => {
        fake.switches.push(request);
        return Promise.resolve(refusal({ code: 'CONFLICT', message: 'no live key stored' }));
      },
      putRiskSettings: (settings) => {
        fake.riskPuts.push(settings);
        if (fake.riskAnswer !== null) return Promise.resolve(fake.riskAnswer);
        fake.riskSettings = RiskSettings.parse(settings);
        return Promise.resolve({ ok: true, data: fake.riskSettings });
      },
      status: () => Promise.reject(new Error('status not faked')),
      tradingState: () => Promise.reject(new Error('tradingState not faked')),
      orders: () => Promise.resolve({ orders: fake.orders }),
      portfolio: () =>
        fake.portfolio === null
          ? Promise.reject(new Error('portfolio not faked'))
          : Promise.resolve(fake.portfolio),
      activity: () => Promise.resolve({ events: fake.activityEvents, nextCursor: null }),
      strategies: () => Promise.resolve({ strategies: fake.strategies }),
      updateStrategy: (id, body) => {
        fake.strategyPuts.push({ id, body });
        if (fake.strategyAnswer !== null) return Promise.resolve(fake.strategyAnswer);
        const found = fake.strategies.find((s) => s.id === id);
        if (found === undefined)
          return Promise.resolve(refusal({ code: 'NOT_FOUND', message: `no strategy ${id}`, status: 404 }));
        const updated = StrategyStatus.parse({
          ...found,
          isEnabled: body.isEnabled ?? found.isEnabled,
          config: body.config ?? found.config,
          changedAtMs: (found.changedAtMs ?? 1_700_000_000_000) + 1_000,
        });
        fake.strategies = fake.strategies.map((s) => (s.id === id ? updated : s));
        return Promise.resolve({ ok: true, data: updated });
      },
      pair: () => Promise.resolve(refusal({ code: 'UNAUTHORIZED', message: 'not faked' })),
      placeOrder: (request) => {
        fake.placed.push(request);
        return Promise.resolve(fake.placeAnswer);
      },
      cancelOrder: (orderId) => {
        fake.canceled.push(orderId);
        const order = fake.orders.find((o) => o.orderId === orderId);
        if (order === undefined)
          return Promise.resolve(refusal({ code: 'NOT_FOUND', message: 'no such order' }));
        const canceled: Order = {
          ...order,
          status: 'canceled',
          remainingCountE2: 0 as Order['remainingCountE2'],
          updatedAtMs: order.updatedAtMs + 1,
        };
        return Promise.resolve({ ok: true, data: { order: canceled } });
      },
      flatten: () => {
        fake.flattenPresses += 1;
        return Promise.resolve(fake.flattenAnswer);
      },
      setTradingMode: (request) => {
        fake.modeRequests.push(request);
        return Promise.resolve({
          ok: true,
          data: { mode: request.mode, reason: request.reason, changedBy: 'user', sinceMs: 1 },
        });
      },
      backtests: () => Promise.resolve({ backtests: fake.backtests.map((r) => r.summary) }),
      backtest: (id) => {
        fake.backtestRequests.push(id);
        const report = fake.backtests.find((r) => r.summary.id === id);
        return Promise.resolve(
          report === undefined
            ? refusal({ code: 'NOT_FOUND', message: `id: no backtest report ${id}`, status: 404 })
            : { ok: true, data: report },
        );
      },
      cancelAll: () =>
        Promise.resolve({ ok: true, data: { canceled: [], unknown: [] } satisfies CancelAllResponse }),
    },
  };
  return fake;
}
