/** Protocol-valid markets, trades and activity for the cache tests (from the protocol's fixtures). */
import { ActivityPage, MarketTrade, MarketsResponse } from '@pt/protocol';
import type { ActivityEvent, MarketListEntry } from '@pt/protocol';
import activityFixture from '../../../protocol/src/fixtures/rest-activity-page.json';
import marketsFixture from '../../../protocol/src/fixtures/rest-markets.json';

const baseMarket = MarketsResponse.parse(marketsFixture.message).markets[0] as MarketListEntry;
const baseEvent = ActivityPage.parse(activityFixture.message).events[0] as ActivityEvent;

export function market(ticker: string, lastPriceE4: number): MarketListEntry {
  return MarketsResponse.parse({
    markets: [{ ...baseMarket, ticker, lastPriceE4 }],
    isTruncated: false,
    asOfMs: 1,
  }).markets[0] as MarketListEntry;
}

export function trade(i: number, yesPriceE4 = 5_000): MarketTrade {
  return MarketTrade.parse({
    tradeId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    yesPriceE4,
    countE2: 100,
    takerSide: 'yes',
    executedAtMs: 1_764_000_000_000 + i * 1_000,
  });
}

export function activity(i: number): ActivityEvent {
  return ActivityPage.parse({
    events: [{ ...baseEvent, id: `ledger-${i}`, atMs: 1_764_000_000_000 + i }],
    nextCursor: null,
  }).events[0] as ActivityEvent;
}
