/**
 * @module
 * `GET /v1/markets`: the open markets of the current venue (events with their nested markets, read
 * through the connector's REST client and so its rate limiter), cached a few seconds and shared by
 * concurrent requests; bounded by MAX_MARKETS_LISTED pages' worth. Book liveness is computed per
 * request from the connector's books. 503 VENUE_UNAVAILABLE with no venue running. Protected.
 */
import { MARKETS_PATH, MAX_MARKETS_LISTED } from '@pt/protocol';
import type { MarketListEntry, MarketLiveness, MarketsResponse, OrderBook } from '@pt/protocol';
import { Hono } from 'hono';
import type { ConnectorHealth } from '../../connectors/kalshi/health.js';
import type { KalshiHttp } from '../../connectors/kalshi/http/index.js';
import type { VenueEvent, VenueMarket } from '../../connectors/kalshi/http/types.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';

export interface MarketsVenue {
  http: Pick<KalshiHttp, 'getEvents'>;
  displayBook(ticker: string): OrderBook | null;
  health(): Pick<ConnectorHealth, 'dataLiveness'>;
}

export interface MarketsRoutesOptions {
  venue: () => MarketsVenue | null;
  /** How long one venue read serves every request (default 5 s). */
  cacheMs?: number;
  nowMs?: () => number;
}

/** Events per venue page (Kalshi's maximum) and the most pages one read follows. */
const EVENTS_PER_PAGE = 200;
const MAX_PAGES = 10;
const NO_ASK_E4 = 10_000;

type Listing = Omit<MarketsResponse, 'markets'> & { markets: Omit<MarketListEntry, 'liveness'>[] };

export function marketsRoutes(options: MarketsRoutesOptions): Hono<ApiEnv> {
  const nowMs = options.nowMs ?? Date.now;
  const cacheMs = options.cacheMs ?? 5_000;
  let cached: { venue: MarketsVenue; atMs: number; listing: Promise<Listing> } | undefined;
  return new Hono<ApiEnv>().get(MARKETS_PATH, async (c) => {
    const venue = options.venue();
    if (venue === null) throw new AgentError('VENUE_UNAVAILABLE', 'No venue is running', { retryable: true });
    if (cached === undefined || cached.venue !== venue || nowMs() - cached.atMs > cacheMs) {
      const listing = readOpenMarkets(venue, nowMs());
      cached = { venue, atMs: nowMs(), listing };
      // A failed read is not cached: the next request tries again.
      listing.catch(() => {
        if (cached?.listing === listing) cached = undefined;
      });
    }
    const listing = await cached.listing;
    const stale = new Set<string>(venue.health().dataLiveness.staleTickers);
    const liveness = (ticker: string): MarketLiveness =>
      stale.has(ticker) ? 'stale' : venue.displayBook(ticker) === null ? 'not_followed' : 'live';
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...listing,
      markets: listing.markets.map((m) => ({ ...m, liveness: liveness(m.ticker) })),
    } satisfies MarketsResponse);
  });
}

async function readOpenMarkets(venue: MarketsVenue, asOfMs: number): Promise<Listing> {
  const markets: Listing['markets'] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = { limit: EVENTS_PER_PAGE, status: 'open', withNestedMarkets: true } as const;
    const result = await venue.http.getEvents(cursor === undefined ? query : { ...query, cursor });
    for (const event of result.items)
      for (const market of event.markets ?? [])
        if (market.status === 'active') markets.push(summaryOf(event, market, asOfMs));
    cursor = result.cursor === '' ? undefined : result.cursor;
    if (cursor === undefined || markets.length > MAX_MARKETS_LISTED) break;
  }
  markets.sort((a, b) => a.closeTimeMs - b.closeTimeMs || a.ticker.localeCompare(b.ticker));
  const isTruncated = cursor !== undefined || markets.length > MAX_MARKETS_LISTED;
  return { markets: markets.slice(0, MAX_MARKETS_LISTED), isTruncated, asOfMs };
}

function summaryOf(event: VenueEvent, m: VenueMarket, asOfMs: number): Omit<MarketListEntry, 'liveness'> {
  const hasBid = m.yesBidE4 > 0;
  const hasAsk = m.yesAskE4 > 0 && m.yesAskE4 < NO_ASK_E4;
  return {
    ticker: m.ticker,
    eventTicker: m.eventTicker,
    seriesTicker: event.seriesTicker,
    title: event.title,
    yesSubtitle: m.yesSubTitle,
    status: m.status,
    yesBidPriceE4: hasBid ? m.yesBidE4 : null,
    yesBidCountE2: hasBid ? m.yesBidSizeE2 : null,
    yesAskPriceE4: hasAsk ? m.yesAskE4 : null,
    yesAskCountE2: hasAsk ? m.yesAskSizeE2 : null,
    lastPriceE4: m.lastPriceE4 > 0 ? m.lastPriceE4 : null,
    volumeCountE2: m.volumeE2,
    volume24hCountE2: m.volume24hE2,
    openInterestCountE2: m.openInterestE2,
    openTimeMs: m.openTimeMs,
    closeTimeMs: m.closeTimeMs,
    updatedAtMs: asOfMs,
  };
}
