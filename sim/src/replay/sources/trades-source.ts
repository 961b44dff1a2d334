import type { TradePrintRow } from '../../data/trades.js';
import type { EventMeta, MarketDraft, SeriesMeta } from '../catalog.js';
import { clampQuote, type Quote, type TimelineItem } from '../timeline.js';
import { LINEAR_CENT, marketTimes, type ReplaySource, type SourceTimes } from './source.js';

/** Plain-language names for the economics series in the tapes. */
const SERIES_TITLES: Record<string, string> = {
  RECSSNBER: 'US recession (NBER)',
  U3: 'Unemployment rate',
  KXU3: 'Unemployment rate',
  PAYROLLS: 'Nonfarm payrolls',
  PROLLS: 'Nonfarm payrolls',
  KXPAYROLLS: 'Nonfarm payrolls',
  CPICOREYOY: 'Core CPI year over year',
  KXCPICOREYOY: 'Core CPI year over year',
  ACPI: 'CPI for the year',
  KXACPI: 'CPI for the year',
  KXGDPYEAR: 'GDP growth for the year',
};

/**
 * Inter-trade gaps in the tapes span hours to months; anything longer than this is compressed to
 * it, so a tape of two years replays in hours while bursts keep their real rhythm.
 */
export const MAX_TRADE_GAP_MS = 30_000;

/** Market tickers with 3+ segments belong to the event named by the first two. */
export function eventTickerOf(ticker: string): string {
  const parts = ticker.split('-');
  return parts.length >= 3 ? parts.slice(0, 2).join('-') : ticker;
}

/** The `perSeries` most-traded markets of each series; the tapes are re-enacted as real trades. */
export function tradesSource(
  rows: readonly TradePrintRow[],
  times: SourceTimes,
  perSeries = 2,
): ReplaySource {
  const countByTicker = new Map<string, number>();
  for (const row of rows) countByTicker.set(row.ticker, (countByTicker.get(row.ticker) ?? 0) + 1);
  const bySeries = new Map<string, string[]>();
  for (const ticker of [...countByTicker.keys()].sort()) {
    const series = ticker.split('-')[0] ?? ticker;
    bySeries.set(series, [...(bySeries.get(series) ?? []), ticker]);
  }
  const chosen = new Set<string>();
  for (const tickers of bySeries.values()) {
    const ranked = tickers.sort(
      (a, b) => (countByTicker.get(b) ?? 0) - (countByTicker.get(a) ?? 0) || a.localeCompare(b),
    );
    for (const t of ranked.slice(0, perSeries)) chosen.add(t);
  }
  const timeline: TimelineItem[] = [];
  const openingQuotes = new Map<string, Quote>();
  const offsetByTicker = new Map<string, { lastMs: number; offsetMs: number }>();
  for (const row of rows) {
    if (!chosen.has(row.ticker)) continue;
    // Each market's tape is compressed on its own and starts at offset 0 with its first print.
    const clock = offsetByTicker.get(row.ticker);
    const offsetMs = clock ? clock.offsetMs + Math.min(MAX_TRADE_GAP_MS, row.createdMs - clock.lastMs) : 0;
    offsetByTicker.set(row.ticker, { lastMs: row.createdMs, offsetMs });
    if (!openingQuotes.has(row.ticker)) {
      openingQuotes.set(row.ticker, clampQuote(row.yesPriceCents - 1, row.yesPriceCents + 1));
    }
    timeline.push({
      kind: 'trade',
      offsetMs,
      ticker: row.ticker,
      yesPriceCents: row.yesPriceCents,
      count: row.count,
      takerSide: row.takerSide,
    });
  }
  timeline.sort((a, b) => a.offsetMs - b.offsetMs);
  const durationMs = timeline.at(-1)?.offsetMs ?? 0;
  const when = marketTimes(times, durationMs);
  const series: SeriesMeta[] = [];
  const events: EventMeta[] = [];
  const markets: MarketDraft[] = [];
  for (const ticker of [...chosen].sort()) {
    const seriesTicker = ticker.split('-')[0] ?? ticker;
    const title = SERIES_TITLES[seriesTicker] ?? seriesTicker;
    const eventTicker = eventTickerOf(ticker);
    const strike = ticker === eventTicker ? '' : (ticker.split('-').at(-1) ?? '');
    series.push({
      ticker: seriesTicker,
      title,
      category: 'Economics',
      frequency: seriesTicker.startsWith('REC') || seriesTicker.includes('YEAR') ? 'annual' : 'monthly',
      feeType: 'quadratic',
      feeMultiplierE4: 10_000,
      settlementSources: [{ name: 'Bureau of Labor Statistics', url: 'https://www.bls.gov/' }],
      tags: ['Economics'],
    });
    events.push({
      eventTicker,
      seriesTicker,
      title: `${title} (${eventTicker})`,
      subTitle: eventTicker,
      isMutuallyExclusive: strike !== '',
      strikeDateMs: when.closeTimeMs,
    });
    const label = strike === '' ? title : `${title}: ${strike}`;
    markets.push({
      ticker,
      eventTicker,
      seriesTicker,
      title: `${label}?`,
      yesSubTitle: strike === '' ? 'Yes' : strike,
      noSubTitle: strike === '' ? 'No' : strike,
      rulesPrimary: `If the official release for ${eventTicker} satisfies ${label}, then the market resolves to Yes.`,
      rulesSecondary: 'Replayed from real Kalshi public trade prints (kalshi-trades).',
      strikeType: 'custom',
      floorStrike: null,
      capStrike: null,
      customStrike: { Strike: strike === '' ? ticker : strike },
      canCloseEarly: false,
      earlyCloseCondition: null,
      ...when,
      settlementTimerSeconds: 3600,
      ...LINEAR_CENT,
      priceRanges: [...LINEAR_CENT.priceRanges],
      source: 'trades',
    });
  }
  return {
    name: 'kalshi-trades',
    series,
    events,
    markets,
    openingQuotes,
    timeline,
    durationMs,
    depthScaleContracts: 100,
  };
}
