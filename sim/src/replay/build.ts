import type { Exchange } from '../engine/index.js';
import type { SimLogger } from '../lib/log.js';
import { loadFedMentionMarkets } from '../data/fed-markets.js';
import { loadSportsTicks } from '../data/sports.js';
import { loadTradePrints } from '../data/trades.js';
import { loadWeatherCandles, loadWeatherTopOfBook } from '../data/weather.js';
import type { LoadResult } from '../data/load-result.js';
import type { MarketCatalog } from './catalog.js';
import { fedSource } from './sources/fed-source.js';
import { sportsSource } from './sources/sports-source.js';
import type { ReplaySource, SourceTimes } from './sources/source.js';
import { tradesSource } from './sources/trades-source.js';
import { weatherSource } from './sources/weather-source.js';

/**
 * Loads every recorded data set, builds the replay sources and registers their series, events
 * and markets in the catalog and the engine. A data set that fails to load is logged and left
 * out; the sim still starts with the others.
 */
export function buildSources(
  dataDir: string,
  times: SourceTimes,
  log: SimLogger,
  /** Markets taken from each economics series' tapes (churn load generation takes them all). */
  tradeMarketsPerSeries = 2,
): ReplaySource[] {
  const sources: ReplaySource[] = [];
  const report = <T>(name: string, result: LoadResult<T>): LoadResult<T> => {
    log.info('data loaded', {
      source: name,
      rows: result.rows.length,
      skipped: result.skipped,
      errors: result.firstErrors,
    });
    return result;
  };
  const attempt = (name: string, build: () => ReplaySource): void => {
    try {
      sources.push(build());
    } catch (err) {
      log.error('data set unavailable', { source: name, err: String(err) });
    }
  };
  attempt('kalshi-weather', () =>
    weatherSource(
      report('kalshi-weather/top-of-book', loadWeatherTopOfBook(dataDir)).rows,
      report('kalshi-weather/candles', loadWeatherCandles(dataDir)).rows,
      times,
    ),
  );
  attempt('kalshi-sports', () => sportsSource(report('kalshi-sports', loadSportsTicks(dataDir)).rows, times));
  attempt('kalshi-trades', () =>
    tradesSource(report('kalshi-trades', loadTradePrints(dataDir)).rows, times, tradeMarketsPerSeries),
  );
  attempt('kalshi-markets', () =>
    fedSource(report('kalshi-markets', loadFedMentionMarkets(dataDir)).rows, times),
  );
  return sources;
}

export function registerSources(
  sources: readonly ReplaySource[],
  catalog: MarketCatalog,
  exchange: Exchange,
  log: SimLogger,
): void {
  for (const source of sources) {
    for (const series of source.series) catalog.addSeries(series);
    for (const event of source.events) catalog.addEvent(event);
    for (const draft of source.markets) {
      const series = catalog.series.get(draft.seriesTicker);
      const opening = source.openingQuotes.get(draft.ticker);
      const meta = {
        ...draft,
        previousYesBidE4: (opening?.yesBidCents ?? 0) * 100,
        previousYesAskE4: (opening?.yesAskCents ?? 100) * 100,
      };
      const added = exchange.addMarket({
        ticker: meta.ticker,
        eventTicker: meta.eventTicker,
        seriesTicker: meta.seriesTicker,
        priceLevelStructure: meta.priceLevelStructure,
        priceRanges: meta.priceRanges,
        fee: { feeType: series?.feeType ?? 'quadratic', multiplierE4: series?.feeMultiplierE4 ?? 10_000 },
        status: 'active',
        openTimeMs: meta.openTimeMs,
        closeTimeMs: meta.closeTimeMs,
      });
      if (!added.ok) {
        log.warn('market not added', { ticker: meta.ticker, details: added.error.details });
        continue;
      }
      catalog.addMarket(meta);
    }
  }
}
