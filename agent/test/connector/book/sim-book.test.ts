/**
 * Against the real simulator: books built from `GET /markets/{ticker}/orderbook` (bids only, NO
 * levels on the NO leg) report the same best YES bid and derived best YES ask as the venue's own
 * pre-computed market fields (`yes_bid_dollars`, `yes_ask_dollars` and their sizes). This pins the
 * "YES ask = 1 − best NO bid" convention to what the venue says, not to our own reading of it.
 * Replay is slowed down so quotes hold still; a market is compared only when two book reads
 * around the market read agree.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderBook } from '../../../src/connectors/kalshi/book/index.js';
import type { SnapshotLevel } from '../../../src/connectors/kalshi/book/index.js';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { KalshiHttp } from '../../../src/connectors/kalshi/http/index.js';
import type { VenueBookLevel } from '../../../src/connectors/kalshi/http/index.js';
import { TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { startSimVenue } from '../../helpers/sim-venue.js';
import type { SimVenue } from '../../helpers/sim-venue.js';

let venue: SimVenue;
let http: KalshiHttp;
beforeAll(async () => {
  venue = await startSimVenue({ tier: 'basic', speed: 0.001 });
  http = new KalshiHttp({
    baseUrl: venue.rest,
    credentials: { keyId: venue.keyId, privateKey: venue.privateKey },
    limiter: new TokenBucketLimiter(),
    contract: new ContractMonitor(),
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await venue.stop();
});

const toSnapshot = (levels: readonly VenueBookLevel[]): SnapshotLevel[] =>
  levels.map((level) => [level.priceE4, level.countE2] as const);

describe('OrderBook from the venue snapshot agrees with the venue market quote', () => {
  it('best YES bid and derived best YES ask match yes_bid / yes_ask on every stable open market', async () => {
    const markets = (await http.getMarkets({ status: 'open', limit: 40 })).items;
    expect(markets.length).toBeGreaterThan(10);
    let compared = 0;
    for (const market of markets) {
      const before = await http.getOrderbook(market.ticker, 0);
      const quote = await http.getMarket(market.ticker);
      const after = await http.getOrderbook(market.ticker, 0);
      if (JSON.stringify(before) !== JSON.stringify(after)) continue; // the quote moved meanwhile
      const book = new OrderBook(market.ticker);
      book.applySnapshot(toSnapshot(after.yesBids), toSnapshot(after.noBids));
      const bid = book.bestYesBid();
      const ask = book.bestYesAsk();
      expect({ ticker: market.ticker, bid, ask }).toEqual({
        ticker: market.ticker,
        bid: quote.yesBidE4 === 0 ? null : { priceE4: quote.yesBidE4, countE2: quote.yesBidSizeE2 },
        ask: quote.yesAskE4 === 10_000 ? null : { priceE4: quote.yesAskE4, countE2: quote.yesAskSizeE2 },
      });
      compared += 1;
    }
    expect(compared).toBeGreaterThan(markets.length / 2);
  });
});
