/**
 * zod schemas of the sim's portfolio/order RESPONSES, field for field as kalshi-typescript 3.30
 * models them (mixed units: integer cents for `balance`, `portfolio_value`, settlement `revenue`
 * and `value`; 4 dp price strings; 2 dp count strings; 6 dp money strings). Route tests parse
 * every response with these, so a renamed or retyped field fails a test.
 */
import { z } from 'zod';

export const PriceDollars = z.string().regex(/^[01]\.\d{4}$/, 'price: 4 dp dollar string');
export const MoneyDollars = z.string().regex(/^-?\d+\.\d{4,6}$/, 'money: 4–6 dp dollar string');
export const CountFp = z.string().regex(/^\d+\.\d{2}$/, 'count: 2 dp string');
export const SignedCountFp = z.string().regex(/^-?\d+\.\d{2}$/, 'signed count: 2 dp string');
export const IsoTime = z.iso.datetime();
const BookSide = z.enum(['bid', 'ask']);
const OutcomeSide = z.enum(['yes', 'no']);

export const ErrorObject = z.strictObject({
  code: z.string(),
  message: z.string(),
  details: z.string().optional(),
});
export const ErrorEnvelope = z.strictObject({ error: ErrorObject });

export const CreateOrderV2Response = z.strictObject({
  order_id: z.string(),
  client_order_id: z.string().optional(),
  fill_count: CountFp,
  remaining_count: CountFp,
  average_fill_price: MoneyDollars.optional(),
  average_fee_paid: MoneyDollars.optional(),
  ts_ms: z.int(),
});
export const AmendOrderV2Response = CreateOrderV2Response;
export const CancelOrderV2Response = z.strictObject({
  order_id: z.string(),
  client_order_id: z.string().optional(),
  reduced_by: CountFp,
  ts_ms: z.int(),
});
export const DecreaseOrderV2Response = z.strictObject({
  order_id: z.string(),
  client_order_id: z.string().optional(),
  remaining_count: CountFp,
  ts_ms: z.int(),
});
const BatchError = z.strictObject({ code: z.string(), message: z.string(), details: z.string() });
export const BatchCreateOrdersV2Response = z.strictObject({
  orders: z.array(CreateOrderV2Response.partial().extend({ error: BatchError.optional() })),
});
export const BatchCancelOrdersV2Response = z.strictObject({
  orders: z.array(
    z.strictObject({
      order_id: z.string(),
      client_order_id: z.string().optional(),
      reduced_by: CountFp,
      ts_ms: z.int().optional(),
      error: BatchError.optional(),
    }),
  ),
});

export const Order = z.strictObject({
  order_id: z.string(),
  user_id: z.string(),
  client_order_id: z.string(),
  ticker: z.string(),
  side: OutcomeSide,
  action: z.enum(['buy', 'sell']),
  outcome_side: OutcomeSide,
  book_side: BookSide,
  type: z.literal('limit'),
  status: z.enum(['resting', 'canceled', 'executed']),
  yes_price_dollars: PriceDollars,
  no_price_dollars: PriceDollars,
  fill_count_fp: CountFp,
  remaining_count_fp: CountFp,
  initial_count_fp: CountFp,
  taker_fill_cost_dollars: MoneyDollars,
  maker_fill_cost_dollars: MoneyDollars,
  taker_fees_dollars: MoneyDollars,
  maker_fees_dollars: MoneyDollars,
  expiration_time: IsoTime.nullable(),
  created_time: IsoTime,
  last_update_time: IsoTime,
  self_trade_prevention_type: z.enum(['taker_at_cross', 'maker']),
  order_group_id: z.string().nullable(),
  cancel_order_on_pause: z.boolean(),
  subaccount_number: z.int(),
  exchange_index: z.int(),
});
export const GetOrdersResponse = z.strictObject({ orders: z.array(Order), cursor: z.string() });
export const GetOrderResponse = z.strictObject({ order: Order });

export const Fill = z.strictObject({
  fill_id: z.string(),
  trade_id: z.string(),
  order_id: z.string(),
  ticker: z.string(),
  market_ticker: z.string(),
  exchange_index: z.int(),
  side: OutcomeSide,
  action: z.enum(['buy', 'sell']),
  outcome_side: OutcomeSide,
  book_side: BookSide,
  count_fp: CountFp,
  yes_price_dollars: PriceDollars,
  no_price_dollars: PriceDollars,
  is_taker: z.boolean(),
  created_time: IsoTime,
  fee_cost: MoneyDollars,
  subaccount_number: z.int(),
  ts: z.int(),
});
export const GetFillsResponse = z.strictObject({ fills: z.array(Fill), cursor: z.string() });

export const GetBalanceResponse = z.strictObject({
  balance: z.int(),
  balance_dollars: MoneyDollars,
  portfolio_value: z.int(),
  updated_ts: z.int(),
  balance_breakdown: z.array(z.strictObject({ exchange_index: z.int(), balance: MoneyDollars })),
});

export const MarketPosition = z.strictObject({
  ticker: z.string(),
  exchange_index: z.int(),
  total_traded_dollars: MoneyDollars,
  position_fp: SignedCountFp,
  market_exposure_dollars: MoneyDollars,
  realized_pnl_dollars: MoneyDollars,
  fees_paid_dollars: MoneyDollars,
  last_updated_ts: IsoTime,
});
export const EventPosition = z.strictObject({
  event_ticker: z.string(),
  total_cost_dollars: MoneyDollars,
  total_cost_shares_fp: CountFp,
  event_exposure_dollars: MoneyDollars,
  realized_pnl_dollars: MoneyDollars,
  fees_paid_dollars: MoneyDollars,
});
export const GetPositionsResponse = z.strictObject({
  cursor: z.string(),
  market_positions: z.array(MarketPosition),
  event_positions: z.array(EventPosition),
});

export const Settlement = z.strictObject({
  ticker: z.string(),
  exchange_index: z.int(),
  event_ticker: z.string(),
  market_result: z.enum(['yes', 'no', 'scalar']),
  yes_count_fp: CountFp,
  yes_total_cost_dollars: MoneyDollars,
  no_count_fp: CountFp,
  no_total_cost_dollars: MoneyDollars,
  revenue: z.int(),
  settled_time: IsoTime,
  fee_cost: MoneyDollars,
  value: z.int(),
});
export const GetSettlementsResponse = z.strictObject({
  settlements: z.array(Settlement),
  cursor: z.string(),
});

export const CreateOrderGroupResponse = z.strictObject({
  order_group_id: z.string(),
  subaccount: z.int(),
  exchange_index: z.int(),
});
export const GetOrderGroupResponse = z.strictObject({
  is_auto_cancel_enabled: z.boolean(),
  contracts_limit_fp: CountFp,
  orders: z.array(z.string()),
  exchange_index: z.int(),
});
export const GetOrderGroupsResponse = z.strictObject({
  order_groups: z.array(
    z.strictObject({
      id: z.string(),
      contracts_limit_fp: CountFp,
      is_auto_cancel_enabled: z.boolean(),
      exchange_index: z.int(),
    }),
  ),
});

export const GetOrderQueuePositionResponse = z.strictObject({ queue_position_fp: CountFp });
export const GetOrderQueuePositionsResponse = z.strictObject({
  queue_positions: z.array(
    z.strictObject({ order_id: z.string(), market_ticker: z.string(), queue_position_fp: CountFp }),
  ),
});
export const GetPortfolioRestingOrderTotalValueResponse = z.strictObject({
  total_resting_order_value: z.int(),
  resting_order_value_breakdown: z.array(z.strictObject({ exchange_index: z.int(), balance: MoneyDollars })),
});
