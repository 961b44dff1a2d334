/**
 * Response schemas for the V2 order writes (`/portfolio/events/orders*`) and order groups. A 2xx
 * create whose body has no `order_id` fails this parse: the client turns that into a REJECTION
 * (the order must not be assumed pending), see kalshi-http.ts.
 */
import { z } from 'zod';
import type { VenueCancelAck, VenueErrorInfo, VenueOrderAck } from './types.js';
import * as w from './wire.js';

const ackFields = {
  client_order_id: z.string().optional(),
  ts_ms: z.int().optional(),
  average_fill_price: w.ignored,
  average_fee_paid: w.ignored,
};

export const CreateOrderResponse = z
  .looseObject({
    order_id: w.orderId,
    fill_count: w.count('fill_count'),
    remaining_count: w.count('remaining_count'),
    ...ackFields,
  })
  .transform((a): VenueOrderAck => ({
    orderId: a.order_id,
    clientOrderId: a.client_order_id,
    fillCountE2: a.fill_count,
    remainingCountE2: a.remaining_count,
    tsMs: a.ts_ms,
    isFromDuplicateLookup: false,
  }));

export const AmendOrderResponse = z
  .looseObject({
    order_id: w.orderId,
    fill_count: w.count('fill_count').optional(),
    remaining_count: w.count('remaining_count').optional(),
    ...ackFields,
  })
  .transform((a) => ({
    orderId: a.order_id,
    clientOrderId: a.client_order_id,
    fillCountE2: a.fill_count,
    remainingCountE2: a.remaining_count,
    tsMs: a.ts_ms,
  }));

export const DecreaseOrderResponse = z
  .looseObject({ order_id: w.orderId, remaining_count: w.count('remaining_count'), ...ackFields })
  .transform((a) => ({
    orderId: a.order_id,
    clientOrderId: a.client_order_id,
    remainingCountE2: a.remaining_count,
    tsMs: a.ts_ms,
  }));

export const CancelOrderResponse = z
  .looseObject({ order_id: w.orderId, reduced_by: w.count('reduced_by'), ...ackFields })
  .transform((a): VenueCancelAck => ({
    orderId: a.order_id,
    clientOrderId: a.client_order_id,
    reducedByE2: a.reduced_by,
    tsMs: a.ts_ms,
  }));

export const VenueErrorObject = z
  .looseObject({ code: z.string(), message: z.string(), details: z.string().optional() })
  .transform((e): VenueErrorInfo => ({ code: e.code, message: e.message, details: e.details }));

/** Each item is either an error or a full ack; the item schema checks both shapes. */
const BatchCreateItem = z.looseObject({
  error: VenueErrorObject.optional(),
  order_id: z.unknown().optional(),
  client_order_id: z.string().optional(),
  fill_count: z.unknown().optional(),
  remaining_count: z.unknown().optional(),
  ts_ms: z.unknown().optional(),
  average_fill_price: w.ignored,
  average_fee_paid: w.ignored,
});
export const BatchCreateResponse = z.looseObject({ orders: z.array(BatchCreateItem) });

const BatchCancelItem = z.looseObject({
  error: VenueErrorObject.optional(),
  order_id: z.unknown().optional(),
  client_order_id: z.string().optional(),
  reduced_by: z.unknown().optional(),
  ts_ms: z.unknown().optional(),
});
export const BatchCancelResponse = z.looseObject({ orders: z.array(BatchCancelItem) });

export const CreateOrderGroupResponse = z.looseObject({
  order_group_id: z.string().min(1),
  subaccount: w.ignored,
  exchange_index: w.ignored,
});
export const OrderGroupResponse = z.looseObject({
  is_auto_cancel_enabled: z.boolean().optional(),
  contracts_limit_fp: w.count('contracts_limit_fp').optional(),
  orders: z.array(z.string()),
  exchange_index: w.ignored,
});
export const OrderGroupsResponse = z.looseObject({
  order_groups: z.array(
    z.looseObject({
      id: z.string().min(1),
      is_auto_cancel_enabled: z.boolean().optional(),
      contracts_limit_fp: w.count('contracts_limit_fp').optional(),
      exchange_index: w.ignored,
    }),
  ),
});
