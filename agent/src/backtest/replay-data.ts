/**
 * Recorded rows → one time-ordered stream of strategy events (book tops and trades) over a set of
 * markets. Pure: the loaders (`data-sets.ts`) parse the files with zod; this turns their rows into
 * the events the live strategy host would have delivered, in the order they happened.
 */
import type { BookTopEvent, TradeEvent } from '../strategies/core/types.js';

export interface BacktestMarket {
  readonly ticker: string;
  readonly eventTicker: string;
  readonly seriesTicker: string;
  /**
   * The market's last recorded event stands in for its listed close time (market metadata known in
   * advance; the recorded files do not carry it).
   */
  readonly closeTimeMs: number;
  /** Typical top-level size in contracts for the seeded maker ladder (the sim's calibration). */
  readonly depthScaleContracts: number;
}

/** One replayed data event and the index of its market in `ReplayData.markets`. */
export interface ReplayItem {
  readonly event: BookTopEvent | TradeEvent;
  readonly market: number;
}

export interface ReplayData {
  /** The data set's name as given to `--data`. */
  readonly name: string;
  /** Sorted by ticker. */
  readonly markets: readonly BacktestMarket[];
  /** Sorted by time; rows of equal time keep their recorded order. */
  readonly items: readonly ReplayItem[];
}

/** A market's events before they are merged, with its depth calibration. */
export interface MarketStream {
  readonly ticker: string;
  readonly depthScaleContracts: number;
  readonly events: (BookTopEvent | TradeEvent)[];
}

const CENT_E4 = 100;

/** YES bid/ask in cents (0 = no bid, 100 = no ask) as a book top; crossed or one-sided is unquotable. */
export function bookTop(
  ticker: string,
  atMs: number,
  yesBidCents: number,
  yesAskCents: number,
): BookTopEvent {
  const bestBidE4 = yesBidCents >= 1 && yesBidCents <= 99 ? yesBidCents * CENT_E4 : null;
  const bestAskE4 = yesAskCents >= 1 && yesAskCents <= 99 ? yesAskCents * CENT_E4 : null;
  const isQuotable = bestBidE4 !== null && bestAskE4 !== null && bestBidE4 < bestAskE4;
  return { type: 'book', atMs, ticker, bestBidE4, bestAskE4, isQuotable, asOfMs: atMs };
}

export function trade(
  ticker: string,
  atMs: number,
  yesPriceCents: number,
  count: number,
  takerSide: 'yes' | 'no',
): TradeEvent {
  return { type: 'trade', atMs, ticker, priceE4: yesPriceCents * CENT_E4, countE2: count * 100, takerSide };
}

/** Market tickers with 3+ segments belong to the event named by the first two (as the sim does). */
export function eventTickerOf(ticker: string): string {
  const parts = ticker.split('-');
  return parts.length >= 3 ? parts.slice(0, 2).join('-') : ticker;
}

/** Groups events by market, keeping each market's recorded order. */
export function streamsByTicker(
  events: readonly (BookTopEvent | TradeEvent)[],
  depthScaleContracts: number,
): MarketStream[] {
  const byTicker = new Map<string, MarketStream>();
  for (const event of events) {
    let stream = byTicker.get(event.ticker);
    if (stream === undefined) {
      stream = { ticker: event.ticker, depthScaleContracts, events: [] };
      byTicker.set(event.ticker, stream);
    }
    stream.events.push(event);
  }
  return [...byTicker.values()];
}

/**
 * Merges per-market streams into one time-ordered stream. Each stream must already be in time
 * order (a market's rows never go back in time); ties across markets go to the lower ticker.
 */
export function mergeStreams(name: string, streams: readonly MarketStream[]): ReplayData {
  const sorted = [...streams].filter((s) => s.events.length > 0).sort((a, b) => cmp(a.ticker, b.ticker));
  const markets: BacktestMarket[] = [];
  const items: ReplayItem[] = [];
  sorted.forEach((stream, market) => {
    let lastMs = Number.NEGATIVE_INFINITY;
    for (const event of stream.events) {
      if (event.atMs < lastMs) {
        throw new Error(`replay data ${name}: ${stream.ticker} goes back in time at ${event.atMs}`);
      }
      lastMs = event.atMs;
      items.push({ event, market });
    }
    markets.push({
      ticker: stream.ticker,
      eventTicker: eventTickerOf(stream.ticker),
      seriesTicker: stream.ticker.split('-')[0] ?? stream.ticker,
      closeTimeMs: lastMs,
      depthScaleContracts: stream.depthScaleContracts,
    });
  });
  // Stable sort: within a market (and within a tick across markets by ticker) the order is kept.
  items.sort((a, b) => a.event.atMs - b.event.atMs || a.market - b.market);
  return { name, markets, items };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
