/**
 * The Kalshi REST v2 client: one method per endpoint, each returning parsed domain objects with
 * protocol fixed-point integers. Every request is signed, waits for rate-limit tokens (bucket,
 * cost, priority), has a timeout, and fails with a classified `KalshiRequestError`. Responses are
 * parsed fail closed against the 2026 schemas; the contract monitor hears about any drift.
 */
import type { CountE2, MarketTicker } from '@pt/protocol';
import type { Logger } from 'pino';
import { AgentError } from '../../../lib/errors.js';
import type { ContractMonitor } from '../contract/contract-monitor.js';
import type { KalshiCredentials } from '../credentials.js';
import { EndpointCostTable } from '../rate-limit/endpoint-costs.js';
import type { RequestLimiter } from '../rate-limit/types.js';
import * as account from './account-endpoints.js';
import * as batch from './batch-endpoints.js';
import { EndpointContext } from './endpoint-context.js';
import type { CallOptions } from './endpoint-context.js';
import { HttpTransport } from './http-transport.js';
import { createKeepAliveFetch } from './keep-alive-fetch.js';
import { DEFAULT_PRESIGN_MAX_AGE_MS, Presigner } from './presigner.js';
import type { RequestCharger } from './http-transport.js';
import * as market from './market-endpoints.js';
import * as orders from './order-endpoints.js';
import * as lookup from './order-lookup.js';
import * as portfolio from './portfolio-endpoints.js';
import type * as T from './types.js';

export interface KalshiHttpOptions {
  /** REST root ending in `/trade-api/v2` (sim, demo or production). */
  baseUrl: string;
  credentials: KalshiCredentials;
  limiter: RequestLimiter;
  contract: ContractMonitor;
  logger: Logger;
  nowMs?: () => number;
  /** Per request, including reading the body (default 10 s). */
  timeoutMs?: number;
  /** Default: keep-alive `node:http`/`node:https` (keep-alive-fetch.ts); tests and chaos runs inject one. */
  fetch?: typeof fetch;
  /** Bucket and cost per endpoint (default: Kalshi's documented costs; see `useEndpointCosts`). */
  charger?: RequestCharger;
  /** 429s in a row on one request before it fails with `rate_limited` (default 5). */
  maxRateLimitRetries?: number;
  /**
   * Oldest pre-made signature an order create may carry (presigner.ts; default 200 ms, 0 = sign
   * every request inline). Kalshi's timestamp tolerance is undocumented: keep it small.
   */
  presignMaxAgeMs?: number;
}

/** Requests signed ahead of time: the order create (its signed string has no body or id). */
const HOT_REQUESTS = ['POST /portfolio/events/orders'];

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RATE_LIMIT_RETRIES = 5;

export class KalshiHttp {
  /** Keeps the order create's signature fresh in the background (its counts show cache use). */
  readonly presigner: Presigner;
  private readonly ctx: EndpointContext;
  private charger: RequestCharger;

  constructor(options: KalshiHttpOptions) {
    if (!/\/trade-api\/v2\/?$/.test(new URL(options.baseUrl).pathname)) {
      throw new AgentError(
        'CONFIG_INVALID',
        `Kalshi REST baseUrl must end with /trade-api/v2, got ${options.baseUrl}`,
      );
    }
    this.charger = options.charger ?? new EndpointCostTable();
    const nowMs = options.nowMs ?? Date.now;
    const apiPrefix = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
    this.presigner = new Presigner({
      credentials: options.credentials,
      nowMs,
      maxAgeMs: options.presignMaxAgeMs ?? DEFAULT_PRESIGN_MAX_AGE_MS,
      hotRequests: HOT_REQUESTS.map((r) => r.replace(' ', ` ${apiPrefix}`)),
    });
    const transport = new HttpTransport({
      baseUrl: options.baseUrl,
      signer: this.presigner,
      limiter: options.limiter,
      // Late-bound so `useEndpointCosts` takes effect for requests already set up.
      charger: { charge: (method, path, itemCount) => this.charger.charge(method, path, itemCount) },
      logger: options.logger,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: options.fetch ?? createKeepAliveFetch(),
      maxRateLimitRetries: options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES,
    });
    this.ctx = new EndpointContext(transport, options.contract, options.logger);
  }

  /** Switches to the account's live token costs (from `getEndpointCosts()`). */
  useEndpointCosts(costs: T.VenueEndpointCosts): void {
    this.charger = new EndpointCostTable(costs);
  }

  // Exchange and market data.
  getExchangeStatus = (o?: CallOptions) => market.getExchangeStatus(this.ctx, o);
  getExchangeSchedule = (o?: CallOptions) => market.getExchangeSchedule(this.ctx, o);
  getMarkets = (q: T.MarketsQuery = {}, o?: CallOptions) => market.getMarkets(this.ctx, q, o);
  getMarket = (ticker: string, o?: CallOptions) => market.getMarket(this.ctx, ticker, o);
  getEvents = (q: T.EventsQuery = {}, o?: CallOptions) => market.getEvents(this.ctx, q, o);
  getEvent = (eventTicker: string, o?: CallOptions) => market.getEvent(this.ctx, eventTicker, o);
  getSeriesList = (o?: CallOptions) => market.getSeriesList(this.ctx, o);
  getSeries = (seriesTicker: string, o?: CallOptions) => market.getSeries(this.ctx, seriesTicker, o);
  getOrderbook = (ticker: MarketTicker, depth = 0, o?: CallOptions) =>
    market.getOrderbook(this.ctx, ticker, depth, o);
  getOrderbooks = (tickers: readonly string[], o?: CallOptions) => market.getOrderbooks(this.ctx, tickers, o);
  getTrades = (q: T.TradesQuery = {}, o?: CallOptions) => market.getTrades(this.ctx, q, o);

  // Portfolio reads.
  getBalance = (o?: CallOptions) => portfolio.getBalance(this.ctx, o);
  getPositions = (q: T.PositionsQuery = {}, o?: CallOptions) => portfolio.getPositions(this.ctx, q, o);
  getOrders = (q: T.OrdersQuery = {}, o?: CallOptions) => portfolio.getOrders(this.ctx, q, o);
  getOrder = (orderId: string, o?: CallOptions) => portfolio.getOrder(this.ctx, orderId, o);
  getFills = (q: T.FillsQuery = {}, o?: CallOptions) => portfolio.getFills(this.ctx, q, o);
  getSettlements = (q: T.SettlementsQuery = {}, o?: CallOptions) => portfolio.getSettlements(this.ctx, q, o);
  /** Resolves an unknown outcome: the order with our client_order_id in that market, if any. */
  findOrderByClientOrderId = (
    ticker: string,
    clientOrderId: string,
    o?: CallOptions & { minTsSec?: number },
  ) => lookup.findOrderByClientOrderId(this.ctx, ticker, clientOrderId, o);

  // V2 order writes.
  createOrder = (req: T.CreateOrderRequest, o?: CallOptions) => orders.createOrder(this.ctx, req, o);
  cancelOrder = (orderId: string, ticker?: string, o?: CallOptions) =>
    orders.cancelOrder(this.ctx, orderId, ticker, o);
  amendOrder = (orderId: string, req: T.AmendOrderRequest, o?: CallOptions) =>
    orders.amendOrder(this.ctx, orderId, req, o);
  decreaseOrder = (orderId: string, req: T.DecreaseOrderRequest, o?: CallOptions) =>
    orders.decreaseOrder(this.ctx, orderId, req, o);
  batchCreateOrders = (reqs: readonly T.CreateOrderRequest[], o?: CallOptions) =>
    batch.batchCreateOrders(this.ctx, reqs, o);
  batchCancelOrders = (items: readonly { orderId: string; ticker?: string }[], o?: CallOptions) =>
    batch.batchCancelOrders(this.ctx, items, o);
  cancelAllOrders = (o?: CallOptions) => orders.cancelAllOrders(this.ctx, o);

  // Order groups.
  createOrderGroup = (contractsLimitE2: CountE2, o?: CallOptions) =>
    account.createOrderGroup(this.ctx, contractsLimitE2, o);
  getOrderGroups = (o?: CallOptions) => account.getOrderGroups(this.ctx, o);
  getOrderGroup = (id: string, o?: CallOptions) => account.getOrderGroup(this.ctx, id, o);
  deleteOrderGroup = (id: string, o?: CallOptions) => account.changeOrderGroup(this.ctx, id, 'delete', o);
  resetOrderGroup = (id: string, o?: CallOptions) => account.changeOrderGroup(this.ctx, id, 'reset', o);
  triggerOrderGroup = (id: string, o?: CallOptions) => account.changeOrderGroup(this.ctx, id, 'trigger', o);
  setOrderGroupLimit = (id: string, contractsLimitE2: CountE2, o?: CallOptions) =>
    account.setOrderGroupLimit(this.ctx, id, contractsLimitE2, o);

  // Account.
  getAccountLimits = (o?: CallOptions) => account.getAccountLimits(this.ctx, o);
  getEndpointCosts = (o?: CallOptions) => account.getEndpointCosts(this.ctx, o);
}
