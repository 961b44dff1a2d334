/**
 * zod schemas of the authenticated channels (fill, user_order, market_position; kalshi-api.md
 * §4.3). These frames are rare (one per fill / order change), so the strict schema is affordable.
 * They have no seq: after any reconnect the connector reconciles over REST.
 */
import { z } from 'zod';
import {
  MarketTicker,
  countFpString,
  moneyDollarsString,
  priceDollarsString,
  signedCountFpString,
} from '@pt/protocol';
import type { WsFill, WsMarketPosition, WsUserOrder } from '../types.js';

const sid = z.number().int().positive();
const side = z.enum(['yes', 'no']);
const bookSide = z.enum(['bid', 'ask']);
const epochMs = z.number().int().nonnegative();

export const FillFrame = z.object({
  type: z.literal('fill'),
  sid,
  msg: z
    .object({
      trade_id: z.string().min(1),
      order_id: z.string().min(1),
      client_order_id: z.string().optional(),
      market_ticker: MarketTicker,
      is_taker: z.boolean(),
      yes_price_dollars: priceDollarsString('yes_price_dollars'),
      count_fp: countFpString('count_fp'),
      fee_cost: moneyDollarsString('fee_cost'),
      post_position_fp: signedCountFpString('post_position_fp').optional(),
      outcome_side: side,
      book_side: bookSide,
      ts: z.number().int().nonnegative().optional(),
      ts_ms: epochMs.optional(),
    })
    .refine((m) => m.ts_ms !== undefined || m.ts !== undefined, {
      path: ['ts_ms'],
      message: 'ts_ms (or legacy ts) required',
    })
    .transform((m): WsFill => ({
      tradeId: m.trade_id,
      orderId: m.order_id,
      clientOrderId: m.client_order_id ?? null,
      marketTicker: m.market_ticker,
      bookSide: m.book_side,
      outcomeSide: m.outcome_side,
      isTaker: m.is_taker,
      yesPriceE4: m.yes_price_dollars,
      countE2: m.count_fp,
      feeE6: m.fee_cost,
      postPositionE2: m.post_position_fp ?? null,
      tsMs: m.ts_ms ?? (m.ts ?? 0) * 1000,
    })),
});

export const UserOrderFrame = z.object({
  type: z.literal('user_order'),
  sid,
  msg: z
    .object({
      order_id: z.string().min(1),
      ticker: MarketTicker,
      status: z.enum(['resting', 'canceled', 'executed', 'unknown']),
      outcome_side: side,
      book_side: bookSide,
      yes_price_dollars: priceDollarsString('yes_price_dollars'),
      fill_count_fp: countFpString('fill_count_fp'),
      remaining_count_fp: countFpString('remaining_count_fp'),
      initial_count_fp: countFpString('initial_count_fp'),
      client_order_id: z.string().optional(),
      last_update_reason: z.string().optional(),
      created_ts_ms: epochMs.optional(),
      last_updated_ts_ms: epochMs.optional(),
    })
    .refine((m) => m.last_updated_ts_ms !== undefined || m.created_ts_ms !== undefined, {
      path: ['last_updated_ts_ms'],
      message: 'last_updated_ts_ms or created_ts_ms required',
    })
    .transform((m): WsUserOrder => ({
      orderId: m.order_id,
      clientOrderId: m.client_order_id ?? null,
      marketTicker: m.ticker,
      status: m.status,
      bookSide: m.book_side,
      outcomeSide: m.outcome_side,
      yesPriceE4: m.yes_price_dollars,
      fillCountE2: m.fill_count_fp,
      remainingCountE2: m.remaining_count_fp,
      initialCountE2: m.initial_count_fp,
      lastUpdateReason: m.last_update_reason ?? null,
      updatedTsMs: m.last_updated_ts_ms ?? m.created_ts_ms ?? 0,
    })),
});

export const MarketPositionFrame = z.object({
  type: z.literal('market_position'),
  sid,
  msg: z
    .object({
      market_ticker: MarketTicker,
      position_fp: signedCountFpString('position_fp'),
      position_cost_dollars: moneyDollarsString('position_cost_dollars'),
      realized_pnl_dollars: moneyDollarsString('realized_pnl_dollars'),
      fees_paid_dollars: moneyDollarsString('fees_paid_dollars'),
    })
    .transform((m): WsMarketPosition => ({
      marketTicker: m.market_ticker,
      positionE2: m.position_fp,
      positionCostE6: m.position_cost_dollars,
      realizedPnlE6: m.realized_pnl_dollars,
      feesPaidE6: m.fees_paid_dollars,
    })),
});

/** Documented msg keys (kalshi-api.md §4.3), for the once-per-field unknown-field report. */
export const KNOWN_ACCOUNT_KEYS = {
  fill: new Set([
    'trade_id',
    'order_id',
    'client_order_id',
    'market_ticker',
    'exchange_index',
    'is_taker',
    'side',
    'yes_price_dollars',
    'count_fp',
    'fee_cost',
    'action',
    'ts',
    'ts_ms',
    'post_position_fp',
    'purchased_side',
    'outcome_side',
    'book_side',
    'subaccount',
  ]),
  user_order: new Set([
    'order_id',
    'user_id',
    'ticker',
    'exchange_index',
    'status',
    'side',
    'is_yes',
    'outcome_side',
    'book_side',
    'yes_price_dollars',
    'fill_count_fp',
    'remaining_count_fp',
    'initial_count_fp',
    'taker_fill_cost_dollars',
    'maker_fill_cost_dollars',
    'taker_fees_dollars',
    'maker_fees_dollars',
    'client_order_id',
    'order_group_id',
    'self_trade_prevention_type',
    'created_time',
    'created_ts_ms',
    'expiration_time',
    'expiration_ts_ms',
    'last_updated_ts_ms',
    'last_update_reason',
    'subaccount_number',
  ]),
  market_position: new Set([
    'user_id',
    'market_ticker',
    'position_fp',
    'position_cost_dollars',
    'realized_pnl_dollars',
    'fees_paid_dollars',
    'position_fee_cost_dollars',
    'volume_fp',
    'subaccount',
  ]),
} as const;
