/**
 * Venue connector events → strategy events: a book change becomes the market's top of book from
 * the connector's quotable book (none → unquotable), a public trade a trade event, one of our
 * fills a fill event. Sentiment readings come from the monitor's decayed signal of a topic.
 */
import type { OrderBook } from '@pt/protocol';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { DecayedSignal } from '../sentiment/index.js';
import type { BookTopEvent, OwnFillEvent, SentimentEvent, TradeEvent } from '../strategies/index.js';

export function bookTop(ticker: string, book: OrderBook | null, nowMs: number): BookTopEvent {
  if (book === null || !book.isQuotable) {
    return {
      type: 'book',
      atMs: nowMs,
      ticker,
      bestBidE4: null,
      bestAskE4: null,
      isQuotable: false,
      asOfMs: nowMs,
    };
  }
  return {
    type: 'book',
    atMs: nowMs,
    ticker,
    bestBidE4: book.yesBids[0]?.priceE4 ?? null,
    bestAskE4: book.yesAsks[0]?.priceE4 ?? null,
    isQuotable: true,
    asOfMs: Math.min(book.asOfMs, nowMs),
  };
}

export function tradeEvent(event: Extract<ConnectorEvent, { type: 'trade' }>, nowMs: number): TradeEvent {
  return {
    type: 'trade',
    atMs: nowMs,
    ticker: event.trade.marketTicker,
    priceE4: event.trade.yesPriceE4,
    countE2: event.trade.countE2,
    takerSide: event.trade.takerSide,
  };
}

export function fillEvent(event: Extract<ConnectorEvent, { type: 'fill' }>, nowMs: number): OwnFillEvent {
  return {
    type: 'fill',
    atMs: nowMs,
    ticker: event.fill.marketTicker,
    side: event.fill.bookSide,
    priceE4: event.fill.yesPriceE4,
    countE2: event.fill.countE2,
  };
}

/** What the host needs of the SentimentMonitor. */
export interface SentimentSource {
  signal(topic: string): DecayedSignal | null;
  readonly killSwitch: { readonly isEngaged: boolean };
}

export function sentimentEvent(
  topic: string,
  source: SentimentSource | undefined,
  nowMs: number,
): SentimentEvent {
  const signal = source?.signal(topic) ?? null;
  return {
    type: 'sentiment',
    atMs: nowMs,
    topic,
    reading:
      signal === null
        ? null
        : {
            effective: signal.effective,
            confidence: signal.confidence,
            ageMs: signal.ageMs,
            isStale: signal.isStale,
          },
    isKillSwitchEngaged: source?.killSwitch.isEngaged ?? false,
  };
}
