import { z } from 'zod';
import { dollarsString, fpString } from '../rest/markets/wire-fields.js';

/**
 * Server → client frame schemas (kalshi-api.md §4). The sim's outgoing frames and the real
 * captured production frames (shared/data/kalshi-ws) must both pass these. Fields introduced
 * after the capture (Feb 2026) are optional here; the sim always sends them.
 */
const sid = z.number().int().positive();
const seq = z.number().int().positive();
const side = z.enum(['yes', 'no']);
const bookLevel = z.tuple([dollarsString, fpString]);

export const tickerMsgSchema = z.object({
  market_id: z.string().min(1),
  market_ticker: z.string().min(1),
  price_dollars: dollarsString,
  yes_bid_dollars: dollarsString,
  yes_ask_dollars: dollarsString,
  volume_fp: fpString,
  open_interest_fp: fpString,
  dollar_volume: z.number().int(),
  dollar_open_interest: z.number().int(),
  yes_bid_size_fp: fpString,
  yes_ask_size_fp: fpString,
  last_trade_size_fp: fpString,
  ts: z.number().int(),
  ts_ms: z.number().int().optional(),
  time: z.string().optional(),
});
export const tickerFrameSchema = z.object({ type: z.literal('ticker'), sid, msg: tickerMsgSchema });

export const tradeMsgSchema = z.object({
  trade_id: z.string().min(1),
  market_ticker: z.string().min(1),
  yes_price_dollars: dollarsString,
  no_price_dollars: dollarsString,
  count_fp: fpString,
  taker_side: side,
  taker_outcome_side: side.optional(),
  taker_book_side: z.enum(['bid', 'ask']).optional(),
  is_block_trade: z.boolean().optional(),
  ts: z.number().int(),
  ts_ms: z.number().int().optional(),
});
export const tradeFrameSchema = z.object({ type: z.literal('trade'), sid, seq, msg: tradeMsgSchema });

export const orderbookSnapshotFrameSchema = z.object({
  type: z.literal('orderbook_snapshot'),
  sid,
  seq,
  id: z.number().int().optional(),
  msg: z.object({
    market_ticker: z.string().min(1),
    market_id: z.string().min(1),
    // Keys are omitted (not []) when a side is empty, as on the real feed.
    yes_dollars_fp: z.array(bookLevel).min(1).optional(),
    no_dollars_fp: z.array(bookLevel).min(1).optional(),
  }),
});

export const orderbookDeltaFrameSchema = z.object({
  type: z.literal('orderbook_delta'),
  sid,
  seq,
  msg: z.object({
    market_ticker: z.string().min(1),
    market_id: z.string().min(1),
    price_dollars: dollarsString,
    delta_fp: fpString,
    side,
    ts: z.string().optional(),
    ts_ms: z.number().int().optional(),
    client_order_id: z.string().optional(),
    subaccount: z.number().int().optional(),
  }),
});

export const fillFrameSchema = z.object({
  type: z.literal('fill'),
  sid,
  msg: z.object({
    trade_id: z.string().min(1),
    order_id: z.string().min(1),
    client_order_id: z.string().optional(),
    market_ticker: z.string().min(1),
    is_taker: z.boolean(),
    side: side.optional(),
    action: z.enum(['buy', 'sell']).optional(),
    yes_price_dollars: dollarsString,
    count_fp: fpString,
    fee_cost: dollarsString,
    ts: z.number().int().optional(),
    ts_ms: z.number().int(),
    post_position_fp: fpString,
    purchased_side: side.optional(),
    outcome_side: side,
    book_side: z.enum(['bid', 'ask']),
    subaccount: z.number().int().optional(),
    exchange_index: z.number().int().optional(),
  }),
});

export const userOrderFrameSchema = z.object({
  type: z.literal('user_order'),
  sid,
  msg: z.object({
    order_id: z.string().min(1),
    user_id: z.string().min(1),
    ticker: z.string().min(1),
    status: z.enum(['resting', 'canceled', 'executed', 'unknown']),
    outcome_side: side,
    book_side: z.enum(['bid', 'ask']),
    side: side.optional(),
    is_yes: z.boolean().optional(),
    yes_price_dollars: dollarsString,
    fill_count_fp: fpString,
    remaining_count_fp: fpString,
    initial_count_fp: fpString,
    taker_fill_cost_dollars: dollarsString,
    maker_fill_cost_dollars: dollarsString,
    taker_fees_dollars: dollarsString,
    maker_fees_dollars: dollarsString,
    client_order_id: z.string().optional(),
    order_group_id: z.string().optional(),
    self_trade_prevention_type: z.string().optional(),
    created_ts_ms: z.number().int().optional(),
    last_updated_ts_ms: z.number().int().optional(),
    last_update_reason: z.string().optional(),
    expiration_ts_ms: z.number().int().optional(),
    subaccount_number: z.number().int().optional(),
  }),
});

export const marketPositionFrameSchema = z.object({
  type: z.literal('market_position'),
  sid,
  msg: z.object({
    user_id: z.string().min(1),
    market_ticker: z.string().min(1),
    position_fp: fpString,
    position_cost_dollars: dollarsString,
    realized_pnl_dollars: dollarsString,
    fees_paid_dollars: dollarsString,
    position_fee_cost_dollars: dollarsString.optional(),
    volume_fp: fpString,
    subaccount: z.number().int().optional(),
  }),
});

export const lifecycleFrameSchema = z.object({
  type: z.literal('market_lifecycle_v2'),
  sid,
  seq,
  msg: z
    .object({
      market_ticker: z.string().min(1),
      event_type: z.enum([
        'created',
        'activated',
        'deactivated',
        'close_date_updated',
        'determined',
        'settled',
        'price_level_structure_updated',
        'metadata_updated',
      ]),
    })
    .loose(),
});

export const orderGroupFrameSchema = z.object({
  type: z.literal('order_group_updates'),
  sid,
  seq,
  msg: z.object({
    event_type: z.enum(['created', 'triggered', 'reset', 'deleted', 'limit_updated']),
    order_group_id: z.string().min(1),
    contracts_limit_fp: fpString.optional(),
    ts_ms: z.number().int(),
  }),
});

export const errorFrameSchema = z.object({
  id: z.number().int().optional(),
  type: z.literal('error'),
  sid: sid.optional(),
  msg: z.object({ code: z.number().int(), msg: z.string() }),
});

export const serverFrameSchema = z.union([
  tickerFrameSchema,
  tradeFrameSchema,
  orderbookSnapshotFrameSchema,
  orderbookDeltaFrameSchema,
  fillFrameSchema,
  userOrderFrameSchema,
  marketPositionFrameSchema,
  lifecycleFrameSchema,
  orderGroupFrameSchema,
  errorFrameSchema,
  z.object({
    id: z.number().int(),
    type: z.literal('subscribed'),
    msg: z.object({ channel: z.string(), sid }),
  }),
  z.object({
    id: z.number().int(),
    sid: sid.optional(),
    seq: seq.optional(),
    type: z.literal('unsubscribed'),
  }),
  z.object({
    id: z.number().int(),
    sid: sid.optional(),
    seq: seq.optional(),
    type: z.literal('ok'),
    msg: z.unknown(),
  }),
]);
