import { z } from 'zod';
import { dollarsString, fpString, isoTime } from './wire-fields.js';

/**
 * Response schemas for the market-data endpoints. The same schemas validate the sim's own output
 * (tests) and the real recorded Kalshi objects (conformance tests), so a drift between the two is
 * caught. Objects are not strict: real responses carry legacy extras we do not emit.
 */
export const priceRangeSchema = z.object({ start: dollarsString, end: dollarsString, step: dollarsString });

export const marketStatusSchema = z.enum([
  'initialized',
  'inactive',
  'active',
  'closed',
  'determined',
  'disputed',
  'amended',
  'finalized',
]);

export const strikeTypeSchema = z.enum([
  'greater',
  'greater_or_equal',
  'less',
  'less_or_equal',
  'between',
  'functional',
  'custom',
  'structured',
]);

export const marketSchema = z.object({
  ticker: z.string().min(1),
  event_ticker: z.string().min(1),
  market_type: z.enum(['binary', 'scalar']),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  yes_sub_title: z.string(),
  no_sub_title: z.string(),
  created_time: isoTime,
  updated_time: isoTime,
  open_time: isoTime,
  close_time: isoTime,
  expected_expiration_time: isoTime.optional(),
  expiration_time: isoTime.optional(),
  latest_expiration_time: isoTime,
  settlement_timer_seconds: z.number().int().nonnegative(),
  status: marketStatusSchema,
  yes_bid_dollars: dollarsString,
  yes_bid_size_fp: fpString,
  yes_ask_dollars: dollarsString,
  yes_ask_size_fp: fpString,
  no_bid_dollars: dollarsString,
  no_ask_dollars: dollarsString,
  last_price_dollars: dollarsString,
  volume_fp: fpString,
  volume_24h_fp: fpString,
  result: z.enum(['yes', 'no', 'scalar', '']),
  can_close_early: z.boolean(),
  open_interest_fp: fpString,
  notional_value_dollars: dollarsString,
  previous_yes_bid_dollars: dollarsString,
  previous_yes_ask_dollars: dollarsString,
  previous_price_dollars: dollarsString,
  liquidity_dollars: dollarsString.optional(),
  settlement_value_dollars: dollarsString.optional(),
  settlement_ts: isoTime.optional(),
  expiration_value: z.string(),
  early_close_condition: z.string().optional(),
  strike_type: strikeTypeSchema.optional(),
  floor_strike: z.number().optional(),
  cap_strike: z.number().optional(),
  custom_strike: z.record(z.string(), z.unknown()).optional(),
  rules_primary: z.string(),
  rules_secondary: z.string(),
  price_level_structure: z.string().min(1),
  price_ranges: z.array(priceRangeSchema).min(1),
  exchange_index: z.number().int().optional(),
});
export type MarketWire = z.infer<typeof marketSchema>;

/** Empty string = last page (kalshi-api.md §3.1: we always send the key). */
export const cursorSchema = z.string();

export const marketsResponseSchema = z.object({ markets: z.array(marketSchema), cursor: cursorSchema });
export const marketResponseSchema = z.object({ market: marketSchema });

/** `[price_dollars, count_fp]`, bids only. */
export const bookLevelSchema = z.tuple([dollarsString, fpString]);
export const orderbookFpSchema = z.object({
  yes_dollars: z.array(bookLevelSchema),
  no_dollars: z.array(bookLevelSchema),
});
export const orderbookResponseSchema = z.object({ orderbook_fp: orderbookFpSchema });
export const orderbooksResponseSchema = z.object({
  orderbooks: z.array(z.object({ ticker: z.string(), orderbook_fp: orderbookFpSchema })),
});

export const tradeSchema = z.object({
  trade_id: z.string().min(1),
  ticker: z.string().min(1),
  count_fp: fpString,
  yes_price_dollars: dollarsString,
  no_price_dollars: dollarsString,
  taker_side: z.enum(['yes', 'no']).optional(),
  taker_outcome_side: z.enum(['yes', 'no']),
  taker_book_side: z.enum(['bid', 'ask']),
  created_time: isoTime,
  is_block_trade: z.boolean(),
});
export const tradesResponseSchema = z.object({ trades: z.array(tradeSchema), cursor: cursorSchema });

export const seriesSchema = z.object({
  ticker: z.string().min(1),
  frequency: z.string(),
  title: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  settlement_sources: z.array(z.object({ name: z.string(), url: z.string() })),
  contract_url: z.string(),
  contract_terms_url: z.string(),
  fee_type: z.enum(['quadratic', 'quadratic_with_maker_fees', 'quadratic_with_combo_maker_fees', 'flat']),
  fee_multiplier: z.number(),
  additional_prohibitions: z.array(z.string()),
});
export const seriesResponseSchema = z.object({ series: seriesSchema });
export const seriesListResponseSchema = z.object({ series: z.array(seriesSchema) });

export const eventSchema = z.object({
  event_ticker: z.string().min(1),
  series_ticker: z.string().min(1),
  sub_title: z.string(),
  title: z.string(),
  collateral_return_type: z.string(),
  mutually_exclusive: z.boolean(),
  strike_date: isoTime.optional(),
  strike_period: z.string().optional(),
  markets: z.array(marketSchema).optional(),
  settlement_sources: z.array(z.object({ name: z.string(), url: z.string() })).optional(),
  last_updated_ts: isoTime.optional(),
});
export const eventsResponseSchema = z.object({ events: z.array(eventSchema), cursor: cursorSchema });
export const eventResponseSchema = z.object({ event: eventSchema, markets: z.array(marketSchema) });
