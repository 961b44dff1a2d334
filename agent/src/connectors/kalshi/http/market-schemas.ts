/**
 * Response schemas for the public market-data endpoints, written from the 2026 API
 * (kalshi-api.md §3.3, kalshi-typescript 3.30 `Market`, `EventData`, `Series`, `Trade`). Required
 * fields are the ones the agent reads; documented fields it does not read are declared `ignored`
 * so that only genuinely new fields are reported as unknown.
 */
import { z } from 'zod';
import type { VenueBookLevel, VenueMarket } from './types.js';
import * as w from './wire.js';

const PriceRange = z
  .looseObject({ start: w.price('start'), end: w.price('end'), step: w.price('step') })
  .transform((r) => ({ startE4: r.start, endE4: r.end, stepE4: r.step }));

export const MarketWire = z
  .looseObject({
    ticker: w.marketTicker,
    event_ticker: w.eventTicker,
    market_type: z.enum(['binary', 'scalar']),
    status: z.enum([
      'initialized',
      'inactive',
      'active',
      'closed',
      'determined',
      'disputed',
      'amended',
      'finalized',
    ]),
    yes_sub_title: z.string(),
    no_sub_title: z.string(),
    open_time: w.isoTimeMs,
    close_time: w.isoTimeMs,
    latest_expiration_time: w.isoTimeMs,
    yes_bid_dollars: w.price('yes_bid_dollars'),
    yes_bid_size_fp: w.count('yes_bid_size_fp'),
    yes_ask_dollars: w.price('yes_ask_dollars'),
    yes_ask_size_fp: w.count('yes_ask_size_fp'),
    no_bid_dollars: w.price('no_bid_dollars'),
    no_ask_dollars: w.price('no_ask_dollars'),
    last_price_dollars: w.price('last_price_dollars'),
    volume_fp: w.count('volume_fp'),
    volume_24h_fp: w.count('volume_24h_fp'),
    open_interest_fp: w.count('open_interest_fp'),
    result: z.enum(['yes', 'no', 'scalar', '']),
    can_close_early: z.boolean(),
    price_level_structure: z.string(),
    price_ranges: z.array(PriceRange).min(1),
    rules_primary: z.string(),
    exchange_index: z.int().optional(),
    // Documented, not used by the agent.
    title: w.ignored,
    subtitle: w.ignored,
    created_time: w.ignored,
    updated_time: w.ignored,
    expected_expiration_time: w.ignored,
    expiration_time: w.ignored,
    settlement_timer_seconds: w.ignored,
    notional_value_dollars: w.ignored,
    previous_yes_bid_dollars: w.ignored,
    previous_yes_ask_dollars: w.ignored,
    previous_price_dollars: w.ignored,
    liquidity_dollars: w.ignored,
    settlement_value_dollars: w.ignored,
    settlement_ts: w.ignored,
    expiration_value: w.ignored,
    occurrence_datetime: w.ignored,
    fee_waiver_expiration_time: w.ignored,
    early_close_condition: w.ignored,
    strike_type: w.ignored,
    floor_strike: w.ignored,
    cap_strike: w.ignored,
    functional_strike: w.ignored,
    custom_strike: w.ignored,
    rules_secondary: w.ignored,
    mve_collection_ticker: w.ignored,
    mve_selected_legs: w.ignored,
    primary_participant_key: w.ignored,
    is_provisional: w.ignored,
  })
  .transform((m): VenueMarket => ({
    ticker: m.ticker,
    eventTicker: m.event_ticker,
    marketType: m.market_type,
    status: m.status,
    yesSubTitle: m.yes_sub_title,
    noSubTitle: m.no_sub_title,
    openTimeMs: m.open_time,
    closeTimeMs: m.close_time,
    latestExpirationTimeMs: m.latest_expiration_time,
    yesBidE4: m.yes_bid_dollars,
    yesBidSizeE2: m.yes_bid_size_fp,
    yesAskE4: m.yes_ask_dollars,
    yesAskSizeE2: m.yes_ask_size_fp,
    noBidE4: m.no_bid_dollars,
    noAskE4: m.no_ask_dollars,
    lastPriceE4: m.last_price_dollars,
    volumeE2: m.volume_fp,
    volume24hE2: m.volume_24h_fp,
    openInterestE2: m.open_interest_fp,
    result: m.result,
    canCloseEarly: m.can_close_early,
    priceLevelStructure: m.price_level_structure,
    priceRanges: m.price_ranges,
    rulesPrimary: m.rules_primary,
    exchangeIndex: m.exchange_index,
  }));

export const MarketsResponse = z.looseObject({ markets: z.array(MarketWire), cursor: w.cursor });
export const MarketResponse = z.looseObject({ market: MarketWire });

const Level = z
  .tuple([w.price('price'), w.count('count')])
  .transform(([priceE4, countE2]): VenueBookLevel => ({ priceE4, countE2 }));
/** Best bid first, whatever order the venue sent (docs and OpenAPI disagree). */
const Ladder = z.array(Level).transform((levels) => [...levels].sort((a, b) => b.priceE4 - a.priceE4));
export const OrderbookFp = z.looseObject({ yes_dollars: Ladder, no_dollars: Ladder });
export const OrderbookResponse = z.looseObject({ orderbook_fp: OrderbookFp });
export const OrderbooksResponse = z.looseObject({
  orderbooks: z.array(z.looseObject({ ticker: w.marketTicker, orderbook_fp: OrderbookFp })),
});

export const TradeWire = z
  .looseObject({
    trade_id: z.string().min(1),
    ticker: w.marketTicker,
    count_fp: w.count('count_fp'),
    yes_price_dollars: w.price('yes_price_dollars'),
    no_price_dollars: w.price('no_price_dollars'),
    taker_outcome_side: w.outcomeSide,
    taker_book_side: w.bookSide,
    created_time: w.isoTimeMs,
    taker_side: w.ignored,
    is_block_trade: w.ignored,
    ts_ms: w.ignored,
  })
  .transform((t) => ({
    tradeId: t.trade_id,
    ticker: t.ticker,
    countE2: t.count_fp,
    yesPriceE4: t.yes_price_dollars,
    noPriceE4: t.no_price_dollars,
    takerOutcomeSide: t.taker_outcome_side,
    takerBookSide: t.taker_book_side,
    createdAtMs: t.created_time,
  }));
export const TradesResponse = z.looseObject({ trades: z.array(TradeWire), cursor: w.cursor });

const EventWire = z
  .looseObject({
    event_ticker: w.eventTicker,
    series_ticker: w.seriesTicker,
    title: z.string(),
    sub_title: z.string(),
    mutually_exclusive: z.boolean(),
    markets: z.array(MarketWire).optional(),
    collateral_return_type: w.ignored,
    category: w.ignored,
    strike_date: w.ignored,
    strike_period: w.ignored,
    product_metadata: w.ignored,
    settlement_sources: w.ignored,
    last_updated_ts: w.ignored,
    fee_type_override: w.ignored,
    fee_multiplier_override: w.ignored,
    exchange_index: w.ignored,
    available_on_brokers: w.ignored,
    price_level_structure: w.ignored,
  })
  .transform((e) => ({
    eventTicker: e.event_ticker,
    seriesTicker: e.series_ticker,
    title: e.title,
    subTitle: e.sub_title,
    isMutuallyExclusive: e.mutually_exclusive,
    markets: e.markets,
  }));
export const EventsResponse = z.looseObject({
  events: z.array(EventWire),
  cursor: w.cursor,
  milestones: w.ignored,
});
export const EventResponse = z.looseObject({ event: EventWire, markets: z.array(MarketWire).optional() });

const SeriesWire = z
  .looseObject({
    ticker: w.seriesTicker,
    title: z.string(),
    fee_type: z.string(),
    fee_multiplier: z.number(),
    frequency: w.ignored,
    category: w.ignored,
    tags: w.ignored,
    settlement_sources: w.ignored,
    contract_url: w.ignored,
    contract_terms_url: w.ignored,
    product_metadata: w.ignored,
    additional_prohibitions: w.ignored,
    volume_fp: w.ignored,
    last_updated_ts: w.ignored,
  })
  .transform((s) => ({
    ticker: s.ticker,
    title: s.title,
    feeType: s.fee_type,
    feeMultiplier: s.fee_multiplier,
  }));
export const SeriesListResponse = z.looseObject({ series: z.array(SeriesWire), cursor: w.cursor });
export const SeriesResponse = z.looseObject({ series: SeriesWire });
