/**
 * @module
 * `GET /v1/markets/:ticker/trades?limit=&cursor=`: the market's recent public trades, newest first,
 * read from the venue through the connector's REST client (and so its rate limiter). One venue read
 * per (ticker, limit, cursor) serves every request for `cacheMs` (default 2 s; concurrent requests
 * share the read in flight), the cache holds at most `maxEntries` pages and is dropped when the
 * venue changes. A bad ticker or query is 422 VALIDATION_FAILED naming the field; 503
 * VENUE_UNAVAILABLE with no venue running. Protected.
 */
import {
  MARKET_TRADES_PATH,
  MAX_MARKET_TRADES_PAGE,
  MarketTradesPage,
  MarketTradesParams,
  MarketTradesQuery,
  validationErrorBody,
} from '@pt/protocol';
import { Hono } from 'hono';
import type { z } from 'zod';
import type { KalshiHttp } from '../../connectors/kalshi/http/index.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';

export interface MarketTradesVenue {
  http: Pick<KalshiHttp, 'getTrades'>;
}

export interface MarketTradesRoutesOptions {
  venue: () => MarketTradesVenue | null;
  /** How long one venue read serves every request for the same page (default 2 s). */
  cacheMs?: number;
  /** Most pages kept (default 256); the oldest read is dropped first. */
  maxEntries?: number;
  nowMs?: () => number;
}

interface CacheEntry {
  atMs: number;
  page: Promise<MarketTradesPage>;
}

export function marketTradesRoutes(options: MarketTradesRoutesOptions): Hono<ApiEnv> {
  const nowMs = options.nowMs ?? Date.now;
  const cacheMs = options.cacheMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 256;
  const cache = new Map<string, CacheEntry>();
  let cachedVenue: MarketTradesVenue | null = null;
  return new Hono<ApiEnv>().get(MARKET_TRADES_PATH, async (c) => {
    const { ticker } = parseOrRefuse(MarketTradesParams, { ticker: c.req.param('ticker') });
    const query = parseOrRefuse(MarketTradesQuery, singleParams(c.req.queries()));
    const venue = options.venue();
    if (venue === null) throw new AgentError('VENUE_UNAVAILABLE', 'No venue is running', { retryable: true });
    if (venue !== cachedVenue) {
      cache.clear();
      cachedVenue = venue;
    }
    const limit = query.limit ?? MAX_MARKET_TRADES_PAGE;
    const key = `${ticker}|${limit}|${query.cursor ?? ''}`;
    let entry = cache.get(key);
    if (entry === undefined || nowMs() - entry.atMs > cacheMs) {
      const page = readTrades(venue, ticker, limit, query.cursor, nowMs());
      entry = { atMs: nowMs(), page };
      cache.delete(key);
      cache.set(key, entry);
      evictOldest(cache, maxEntries);
      // A failed read is not cached: the next request tries again.
      page.catch(() => {
        if (cache.get(key)?.page === page) cache.delete(key);
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await entry.page);
  });
}

async function readTrades(
  venue: MarketTradesVenue,
  ticker: string,
  limit: number,
  cursor: string | undefined,
  asOfMs: number,
): Promise<MarketTradesPage> {
  const result = await venue.http.getTrades(
    cursor === undefined ? { ticker, limit } : { ticker, limit, cursor },
  );
  const parsed = MarketTradesPage.safeParse({
    ticker,
    trades: result.items.map((t) => ({
      tradeId: t.tradeId,
      yesPriceE4: t.yesPriceE4,
      countE2: t.countE2,
      takerSide: t.takerOutcomeSide,
      executedAtMs: t.createdAtMs,
    })),
    nextCursor: result.cursor === undefined || result.cursor === '' ? null : result.cursor,
    asOfMs,
  });
  if (!parsed.success) {
    const body = validationErrorBody(parsed.error);
    throw new AgentError('VENUE_CONTRACT_BROKEN', `venue trades did not fit: ${body.message}`);
  }
  return parsed.data;
}

function evictOldest(cache: Map<string, CacheEntry>, maxEntries: number): void {
  for (const key of cache.keys()) {
    if (cache.size <= maxEntries) return;
    cache.delete(key);
  }
}

function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const body = validationErrorBody(parsed.error);
    throw new AgentError(body.code, body.message, {}, body.details);
  }
  return parsed.data;
}

const KNOWN_PARAMS: ReadonlySet<string> = new Set(Object.keys(MarketTradesQuery.shape));

/** One string per known parameter; an unknown or repeated one is VALIDATION_FAILED naming it. */
function singleParams(queries: Record<string, string[]>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, values] of Object.entries(queries)) {
    if (!KNOWN_PARAMS.has(name)) throw paramError(name, 'unknown query parameter');
    if (values.length > 1) throw paramError(name, 'given more than once');
    params[name] = values[0] ?? '';
  }
  return params;
}

function paramError(name: string, message: string): AgentError {
  const field = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  return new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${message}`,
    {},
    { field, issues: [{ field, message }] },
  );
}
