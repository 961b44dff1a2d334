/**
 * Market and event metadata for the risk snapshot (status, close time, the mutually exclusive
 * markets of its event), cached per market. An entry lives `ttlMs`; past half of it a read still
 * answers and refreshes in the background; past all of it the caller must `load` (REST) first.
 * A lifecycle message about the market or its event drops the entry at once and refetches it.
 */
import type { MarketTicker } from '@pt/protocol';
import type { VenueMarket, VenueMarketStatus } from '../connectors/kalshi/http/types.js';
import type { EventGroup, MarketState, RiskMarketStatus } from '../risk/index.js';
import type { ExecutionVenueHttp } from './types.js';

export interface MarketMetadata {
  readonly market: MarketState;
  readonly eventTicker: string;
  /** The market's mutually exclusive event, or null when its event is not mutually exclusive. */
  readonly event: EventGroup | null;
}

interface Entry {
  metadata: MarketMetadata;
  loadedAtMs: number;
}

const MARKET_STATUS: Record<VenueMarketStatus, RiskMarketStatus> = {
  active: 'active',
  initialized: 'paused',
  inactive: 'paused',
  closed: 'closed',
  determined: 'closed',
  disputed: 'closed',
  amended: 'closed',
  finalized: 'closed',
};

export function marketState(market: VenueMarket): MarketState {
  return { ticker: market.ticker, status: MARKET_STATUS[market.status], closeTimeMs: market.closeTimeMs };
}

/** Reads a market and its event (two REST calls); a mutually exclusive event is taken as not exhaustive. */
export async function fetchMarketMetadata(
  http: Pick<ExecutionVenueHttp, 'getMarket' | 'getEvent'>,
  ticker: MarketTicker,
): Promise<MarketMetadata> {
  const market = await http.getMarket(ticker);
  const event = await http.getEvent(market.eventTicker);
  return {
    market: marketState(market),
    eventTicker: market.eventTicker,
    event: event.event.isMutuallyExclusive
      ? {
          eventTicker: event.event.eventTicker,
          marketTickers: event.markets.map((m) => m.ticker),
          isExhaustive: false,
        }
      : null,
  };
}

export class MarketMetadataCache {
  private readonly entries = new Map<MarketTicker, Entry>();
  private readonly loading = new Map<MarketTicker, Promise<MarketMetadata>>();
  /** Bumped on every invalidation: a load started before it must not store its answer. */
  private generation = 0;

  constructor(
    private readonly http: Pick<ExecutionVenueHttp, 'getMarket' | 'getEvent'>,
    private readonly ttlMs: number,
    private readonly nowMs: () => number,
    private readonly onError: (err: unknown, ticker: MarketTicker) => void,
  ) {}

  /** The fresh entry, or undefined (then `load`). */
  get(ticker: MarketTicker): MarketMetadata | undefined {
    const entry = this.entries.get(ticker);
    if (entry === undefined) return undefined;
    const ageMs = this.nowMs() - entry.loadedAtMs;
    if (ageMs > this.ttlMs) return undefined;
    if (ageMs * 2 > this.ttlMs) this.refresh(ticker);
    return entry.metadata;
  }

  /** REST read (shared by concurrent callers); stored unless invalidated meanwhile. */
  load(ticker: MarketTicker): Promise<MarketMetadata> {
    const running = this.loading.get(ticker);
    if (running !== undefined) return running;
    const generation = this.generation;
    const loadedAtMs = this.nowMs();
    const work = fetchMarketMetadata(this.http, ticker)
      .then((metadata) => {
        if (generation === this.generation) this.entries.set(ticker, { metadata, loadedAtMs });
        return metadata;
      })
      .finally(() => {
        if (this.loading.get(ticker) === work) this.loading.delete(ticker);
      });
    this.loading.set(ticker, work);
    return work;
  }

  /** A lifecycle message: drop what it may have changed and refetch it in the background. */
  invalidate(marketTicker: MarketTicker | null, eventTicker: string | null): void {
    const dropped: MarketTicker[] = [];
    for (const [ticker, entry] of this.entries) {
      if (ticker === marketTicker || (eventTicker !== null && entry.metadata.eventTicker === eventTicker)) {
        this.entries.delete(ticker);
        dropped.push(ticker);
      }
    }
    this.generation += 1;
    this.loading.clear();
    for (const ticker of dropped) this.refresh(ticker);
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.generation += 1;
  }

  private refresh(ticker: MarketTicker): void {
    if (this.loading.has(ticker)) return;
    this.load(ticker).catch((err: unknown) => this.onError(err, ticker));
  }
}
