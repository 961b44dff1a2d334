import type { CandleRow, TopOfBookRow } from '../../data/weather.js';
import type { EventMeta, MarketDraft, SeriesMeta, StrikeType } from '../catalog.js';
import { clampQuote, type Quote, type TimelineItem } from '../timeline.js';
import { LINEAR_CENT, marketTimes, type ReplaySource, type SourceTimes } from './source.js';

const SERIES: SeriesMeta = {
  ticker: 'KXHIGHNY',
  title: 'Highest temperature in NYC',
  category: 'Climate and Weather',
  frequency: 'daily',
  feeType: 'quadratic',
  feeMultiplierE4: 10_000,
  settlementSources: [
    { name: 'National Weather Service', url: 'https://www.weather.gov/wrh/climate?wfo=okx' },
  ],
  tags: ['Weather'],
};

interface Strike {
  strikeType: StrikeType;
  floor: number | null;
  cap: number | null;
  label: string;
}

/** KXHIGHNY-26JAN01-B30.5 is 30-31°; the lowest T strike is "below", the highest "above". */
export function strikeOf(ticker: string, lowestT: number, highestT: number): Strike {
  const code = ticker.split('-').at(-1) ?? '';
  const value = Number(code.slice(1));
  if (code.startsWith('B')) {
    const floor = value - 0.5;
    return { strikeType: 'between', floor, cap: floor + 1, label: `${floor}° to ${floor + 1}°` };
  }
  if (value === lowestT && lowestT !== highestT) {
    return { strikeType: 'less', floor: null, cap: value, label: `${value - 1}° or below` };
  }
  return { strikeType: 'greater', floor: value, cap: null, label: `${value + 1}° or above` };
}

function eventDateLabel(eventTicker: string): string {
  const code = eventTicker.split('-')[1] ?? '';
  const match = /^(\d\d)([A-Z]{3})(\d\d)$/.exec(code);
  if (!match) return code;
  const month = match[2] ?? '';
  return `${month.charAt(0)}${month.slice(1).toLowerCase()} ${match[3]}, 20${match[1]}`;
}

/** Median 5-minute trade count × 10, clamped: busier series get deeper books. */
export function depthScaleFromCandles(candles: readonly CandleRow[]): number {
  if (candles.length === 0) return 50;
  const counts = candles.map((c) => c.tradeCount).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? 5;
  return Math.min(500, Math.max(20, median * 10));
}

export function weatherSource(
  rows: readonly TopOfBookRow[],
  candles: readonly CandleRow[],
  times: SourceTimes,
): ReplaySource {
  const tickers = [...new Set(rows.map((r) => r.ticker))].sort();
  const timeline: TimelineItem[] = [];
  const openingQuotes = new Map<string, Quote>();
  // Each event's log starts on its own day: replay every event from its own first row.
  const eventStartMs = new Map<string, number>();
  for (const row of rows) {
    const eventTicker = row.ticker.split('-').slice(0, 2).join('-');
    const eventStart = eventStartMs.get(eventTicker) ?? row.atMs;
    eventStartMs.set(eventTicker, eventStart);
    const quote = clampQuote(row.bestYesBidCents, 100 - row.bestNoBidCents);
    if (!openingQuotes.has(row.ticker)) openingQuotes.set(row.ticker, quote);
    timeline.push({ kind: 'quote', offsetMs: row.atMs - eventStart, ticker: row.ticker, quote });
  }
  timeline.sort((a, b) => a.offsetMs - b.offsetMs);
  const durationMs = timeline.at(-1)?.offsetMs ?? 0;
  const events: EventMeta[] = [];
  const markets: MarketDraft[] = [];
  const when = marketTimes(times, durationMs);
  for (const eventTicker of eventStartMs.keys()) {
    const date = eventDateLabel(eventTicker);
    events.push({
      eventTicker,
      seriesTicker: SERIES.ticker,
      title: `Highest temperature in NYC on ${date}?`,
      subTitle: `On ${date}`,
      isMutuallyExclusive: true,
      strikeDateMs: when.closeTimeMs,
    });
    const eventTickers = tickers.filter((t) => t.startsWith(`${eventTicker}-`));
    const tValues = eventTickers.filter((t) => /-T[\d.]+$/.test(t)).map((t) => Number(t.split('-T')[1]));
    const lowestT = Math.min(...tValues);
    const highestT = Math.max(...tValues);
    for (const ticker of eventTickers) {
      const strike = strikeOf(ticker, lowestT, highestT);
      markets.push({
        ticker,
        eventTicker,
        seriesTicker: SERIES.ticker,
        title: `Will the high temp in NYC be ${strike.label} on ${date}?`,
        yesSubTitle: strike.label,
        noSubTitle: strike.label,
        rulesPrimary: `If the highest temperature recorded in Central Park, New York for ${date} as reported by the National Weather Service's Climatological Report (Daily), is ${strike.label}, then the market resolves to Yes.`,
        rulesSecondary: 'Not all weather data is the same. The official NWS Climatological Report is final.',
        strikeType: strike.strikeType,
        floorStrike: strike.floor,
        capStrike: strike.cap,
        customStrike: null,
        canCloseEarly: false,
        earlyCloseCondition: null,
        ...when,
        settlementTimerSeconds: 3600,
        ...LINEAR_CENT,
        priceRanges: [...LINEAR_CENT.priceRanges],
        source: 'weather',
      });
    }
  }
  return {
    name: 'kalshi-weather',
    series: [SERIES],
    events,
    markets,
    openingQuotes,
    timeline,
    durationMs,
    depthScaleContracts: depthScaleFromCandles(candles),
  };
}
