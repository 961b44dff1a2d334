import type { MarketWire } from '../../rest/markets/schemas.js';
import type { EventMeta, MarketDraft, SeriesMeta } from '../catalog.js';
import { clampQuote, type Quote } from '../timeline.js';
import { parseDollarsE4 } from '../../lib/parse-fixed.js';
import { marketTimes, type ReplaySource, type SourceTimes } from './source.js';

const SERIES: SeriesMeta = {
  ticker: 'KXFEDMENTION',
  title: 'What will Powell say during his press conference?',
  category: 'Mentions',
  frequency: 'custom',
  feeType: 'quadratic',
  feeMultiplierE4: 10_000,
  settlementSources: [{ name: 'Federal Reserve', url: 'https://www.federalreserve.gov/' }],
  tags: ['Fed'],
};

const e4 = (dollars: string): number => parseDollarsE4(dollars);
const cents = (dollars: string): number => Math.round(parseDollarsE4(dollars) / 100);

/** The real 2026 KXFEDMENTION catalogue: no price path, so makers hold the recorded quote. */
export function fedSource(rows: readonly MarketWire[], times: SourceTimes): ReplaySource {
  const when = marketTimes(times, 0);
  const openingQuotes = new Map<string, Quote>();
  const markets: MarketDraft[] = rows.map((m) => {
    openingQuotes.set(m.ticker, clampQuote(cents(m.yes_bid_dollars), cents(m.yes_ask_dollars)));
    return {
      ticker: m.ticker,
      eventTicker: m.event_ticker,
      seriesTicker: SERIES.ticker,
      title: m.title ?? m.yes_sub_title,
      yesSubTitle: m.yes_sub_title,
      noSubTitle: m.no_sub_title,
      rulesPrimary: m.rules_primary,
      rulesSecondary: m.rules_secondary,
      strikeType: m.strike_type === 'custom' ? 'custom' : null,
      floorStrike: null,
      capStrike: null,
      customStrike: m.custom_strike
        ? Object.fromEntries(Object.entries(m.custom_strike).map(([k, v]) => [k, String(v)]))
        : null,
      canCloseEarly: m.can_close_early,
      earlyCloseCondition: m.early_close_condition ?? null,
      ...when,
      settlementTimerSeconds: m.settlement_timer_seconds,
      priceLevelStructure: m.price_level_structure,
      priceRanges: m.price_ranges.map((r) => ({
        startE4: e4(r.start),
        endE4: e4(r.end),
        stepE4: e4(r.step),
      })),
      source: 'fed_mention',
    };
  });
  const eventTicker = rows[0]?.event_ticker ?? 'KXFEDMENTION-26MAR';
  const events: EventMeta[] = [
    {
      eventTicker,
      seriesTicker: SERIES.ticker,
      title: 'What will Powell say during his Mar 2026 press conference?',
      subTitle: 'Mar 2026',
      isMutuallyExclusive: false,
      strikeDateMs: when.closeTimeMs,
    },
  ];
  return {
    name: 'kalshi-markets',
    series: [SERIES],
    events,
    markets,
    openingQuotes,
    timeline: [],
    durationMs: 0,
    depthScaleContracts: 150,
  };
}
