/**
 * zod schemas of the public market-data frames (kalshi-api.md §4.3), written from the 2026 API.
 * They are the reference: the hot path uses the hand guards in hot-guards.ts, and a test proves
 * both accept and reject the same frames and produce the same values. Fields the code does not
 * use are not required (they may be dropped by the venue without harm); fields it uses are.
 */
import { z } from 'zod';
import {
  MarketTicker,
  type CountE2,
  type PriceE4,
  countFpString,
  priceDollarsString,
  signedCountFpString,
} from '@pt/protocol';

const sid = z.number().int().positive();
const seq = z.number().int().positive();
const side = z.enum(['yes', 'no']);
const ticker = MarketTicker;
/** Epoch ms, or (deprecated) epoch s on frames captured before ts_ms existed. */
const tsMs = z.number().int().nonnegative();
const tsSeconds = z.number().int().nonnegative();

const bookLevel = z.tuple([priceDollarsString('price'), countFpString('count')]);

export const OrderbookSnapshotFrame = z.object({
  type: z.literal('orderbook_snapshot'),
  sid,
  seq,
  id: z.number().int().optional(),
  msg: z.object({
    market_ticker: ticker,
    market_id: z.string().optional(),
    // Omitted (not []) when a side is empty (kalshi-api.md §4.3).
    yes_dollars_fp: z.array(bookLevel).optional(),
    no_dollars_fp: z.array(bookLevel).optional(),
  }),
});
export type OrderbookSnapshotFrame = z.output<typeof OrderbookSnapshotFrame>;

/** The domain value of one `orderbook_delta` frame (also what the hand guard returns). */
export interface BookDelta {
  sid: number;
  seq: number;
  marketTicker: MarketTicker;
  side: 'yes' | 'no';
  priceE4: PriceE4;
  /** Signed change of resting size at the level, 1/100 contract. */
  deltaE2: CountE2;
  tsMs: number | null;
  clientOrderId: string | null;
}

export const OrderbookDeltaFrame = z
  .object({
    type: z.literal('orderbook_delta'),
    sid,
    seq,
    msg: z.object({
      market_ticker: ticker,
      market_id: z.string().min(1),
      price_dollars: priceDollarsString('price_dollars'),
      delta_fp: signedCountFpString('delta_fp'),
      side,
      ts: z.string().optional(),
      ts_ms: tsMs.optional(),
      client_order_id: z.string().optional(),
      subaccount: z.number().int().optional(),
    }),
  })
  .transform((f): BookDelta => ({
    sid: f.sid,
    seq: f.seq,
    marketTicker: f.msg.market_ticker,
    side: f.msg.side,
    priceE4: f.msg.price_dollars,
    deltaE2: f.msg.delta_fp,
    tsMs: f.msg.ts_ms ?? null,
    clientOrderId: f.msg.client_order_id ?? null,
  }));

export interface TradePrint {
  sid: number;
  seq: number;
  tradeId: string;
  marketTicker: MarketTicker;
  yesPriceE4: PriceE4;
  countE2: CountE2;
  takerSide: 'yes' | 'no';
  tsMs: number;
}

export const TradeFrame = z
  .object({
    type: z.literal('trade'),
    sid,
    seq,
    msg: z.object({
      trade_id: z.string().min(1),
      market_ticker: ticker,
      yes_price_dollars: priceDollarsString('yes_price_dollars'),
      count_fp: countFpString('count_fp'),
      taker_side: side,
      ts: tsSeconds.optional(),
      ts_ms: tsMs.optional(),
    }),
  })
  .refine((f) => f.msg.ts_ms !== undefined || f.msg.ts !== undefined, {
    path: ['msg', 'ts_ms'],
    message: 'ts_ms (or legacy ts) required',
  })
  .transform((f): TradePrint => ({
    sid: f.sid,
    seq: f.seq,
    tradeId: f.msg.trade_id,
    marketTicker: f.msg.market_ticker,
    yesPriceE4: f.msg.yes_price_dollars,
    countE2: f.msg.count_fp,
    takerSide: f.msg.taker_side,
    tsMs: f.msg.ts_ms ?? (f.msg.ts ?? 0) * 1000,
  }));

export interface TickerUpdate {
  sid: number;
  marketTicker: MarketTicker;
  lastPriceE4: PriceE4;
  yesBidE4: PriceE4;
  yesAskE4: PriceE4;
  volumeE2: CountE2;
  openInterestE2: CountE2;
  tsMs: number;
}

export const TickerFrame = z
  .object({
    type: z.literal('ticker'),
    sid,
    msg: z.object({
      market_ticker: ticker,
      price_dollars: priceDollarsString('price_dollars'),
      yes_bid_dollars: priceDollarsString('yes_bid_dollars'),
      yes_ask_dollars: priceDollarsString('yes_ask_dollars'),
      volume_fp: countFpString('volume_fp'),
      open_interest_fp: countFpString('open_interest_fp'),
      ts: tsSeconds.optional(),
      ts_ms: tsMs.optional(),
    }),
  })
  .refine((f) => f.msg.ts_ms !== undefined || f.msg.ts !== undefined, {
    path: ['msg', 'ts_ms'],
    message: 'ts_ms (or legacy ts) required',
  })
  .transform((f): TickerUpdate => ({
    sid: f.sid,
    marketTicker: f.msg.market_ticker,
    lastPriceE4: f.msg.price_dollars,
    yesBidE4: f.msg.yes_bid_dollars,
    yesAskE4: f.msg.yes_ask_dollars,
    volumeE2: f.msg.volume_fp,
    openInterestE2: f.msg.open_interest_fp,
    tsMs: f.msg.ts_ms ?? (f.msg.ts ?? 0) * 1000,
  }));

/** Keys each hot frame's `msg` is known to carry (for the once-per-field unknown-field report). */
export const KNOWN_MSG_KEYS = {
  orderbook_delta: new Set([
    'market_ticker',
    'market_id',
    'price_dollars',
    'delta_fp',
    'side',
    'ts',
    'ts_ms',
    'client_order_id',
    'subaccount',
  ]),
  trade: new Set([
    'trade_id',
    'market_ticker',
    'yes_price_dollars',
    'no_price_dollars',
    'count_fp',
    'taker_side',
    'taker_outcome_side',
    'taker_book_side',
    'is_block_trade',
    'ts',
    'ts_ms',
  ]),
  ticker: new Set([
    'market_id',
    'market_ticker',
    'price_dollars',
    'yes_bid_dollars',
    'yes_ask_dollars',
    'volume_fp',
    'open_interest_fp',
    'dollar_volume',
    'dollar_open_interest',
    'yes_bid_size_fp',
    'yes_ask_size_fp',
    'last_trade_size_fp',
    'volume_24h_fp',
    'ts',
    'ts_ms',
    'time',
  ]),
} as const;
