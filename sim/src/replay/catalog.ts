import type { FeeType, PriceRange } from '../engine/index.js';

/**
 * Descriptive metadata the matching engine does not need but the REST API must serve: titles,
 * rules, strikes, events and series. Built once from the recorded data at start-up.
 */
export interface SeriesMeta {
  ticker: string;
  title: string;
  category: string;
  frequency: string;
  feeType: FeeType;
  /** Series `fee_multiplier` in 1/10,000. */
  feeMultiplierE4: number;
  settlementSources: { name: string; url: string }[];
  tags: string[];
}

export interface EventMeta {
  eventTicker: string;
  seriesTicker: string;
  title: string;
  subTitle: string;
  isMutuallyExclusive: boolean;
  strikeDateMs: number | null;
}

export type StrikeType = 'greater' | 'less' | 'between' | 'custom';

export interface MarketMeta {
  ticker: string;
  eventTicker: string;
  seriesTicker: string;
  title: string;
  yesSubTitle: string;
  noSubTitle: string;
  rulesPrimary: string;
  rulesSecondary: string;
  strikeType: StrikeType | null;
  floorStrike: number | null;
  capStrike: number | null;
  customStrike: Record<string, string> | null;
  canCloseEarly: boolean;
  earlyCloseCondition: string | null;
  createdTimeMs: number;
  openTimeMs: number;
  closeTimeMs: number;
  settlementTimerSeconds: number;
  priceLevelStructure: string;
  priceRanges: PriceRange[];
  /** Opening quote, served as the `previous_*` fields (the sim has no prior day). */
  previousYesBidE4: number;
  previousYesAskE4: number;
  /** Where the market's replayed data came from (for logs and the README). */
  source: 'weather' | 'sports' | 'trades' | 'fed_mention';
}

/** A market as a replay source describes it, before the opening quote is known. */
export type MarketDraft = Omit<MarketMeta, 'previousYesBidE4' | 'previousYesAskE4'>;

export class MarketCatalog {
  readonly series = new Map<string, SeriesMeta>();
  readonly events = new Map<string, EventMeta>();
  /** Insertion order is the listing order of `/markets`, so pagination is stable. */
  readonly markets = new Map<string, MarketMeta>();

  addSeries(meta: SeriesMeta): void {
    if (!this.series.has(meta.ticker)) this.series.set(meta.ticker, meta);
  }

  addEvent(meta: EventMeta): void {
    if (!this.events.has(meta.eventTicker)) this.events.set(meta.eventTicker, meta);
  }

  addMarket(meta: MarketMeta): void {
    this.markets.set(meta.ticker, meta);
  }

  marketsOfEvent(eventTicker: string): MarketMeta[] {
    return [...this.markets.values()].filter((m) => m.eventTicker === eventTicker);
  }
}
