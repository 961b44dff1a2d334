import { z } from 'zod';
import { ClientOrderId, MarketTicker, OrderId, StrategyId } from '../ids.js';
import { CountE2Schema, PriceE4Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/** Kalshi V2 book side on the YES leg: `bid` buys YES at the price, `ask` sells YES (≡ buys NO at 1 − price). */
export const OrderSide = z.enum(['bid', 'ask']);
export type OrderSide = z.infer<typeof OrderSide>;

export const TimeInForce = z.enum(['good_till_canceled', 'immediate_or_cancel', 'fill_or_kill']);
export type TimeInForce = z.infer<typeof TimeInForce>;

/**
 * Our execution states, richer than the venue's (resting|canceled|executed). `submitting` = sent,
 * no answer yet; `unknown` = the answer was lost (timeout, 5xx, dropped socket): the market stays
 * blocked until reconciliation by client order id settles it. Never resubmit an unknown order.
 */
export const OrderStatus = z.enum([
  'submitting',
  'resting',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'unknown',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Who asked for the order: the trader's ticket, a strategy, or Flatten All. */
export const OrderOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('strategy'), strategyId: StrategyId }),
  z.object({ kind: z.literal('flatten') }),
  /** Seen at the venue but not placed by this agent (another device, the Kalshi site). */
  z.object({ kind: z.literal('external') }),
]);
export type OrderOrigin = z.infer<typeof OrderOrigin>;

export const Order = z
  .object({
    /** Null until the venue acknowledges the order (and forever for one rejected before that). */
    orderId: OrderId.nullable(),
    /** Null only for external orders placed without one. */
    clientOrderId: ClientOrderId.nullable(),
    ticker: MarketTicker,
    side: OrderSide,
    /** Limit price on the YES leg. */
    priceE4: PriceE4Schema,
    /** Total fillable size (Kalshi `initial_count_fp`, or the amended total). */
    countE2: CountE2Schema,
    filledCountE2: CountE2Schema,
    remainingCountE2: CountE2Schema,
    timeInForce: TimeInForce,
    status: OrderStatus,
    origin: OrderOrigin,
    /** Venue or risk text for `rejected`, or what is being reconciled for `unknown`. */
    statusDetail: z.string().nullable(),
    createdAtMs: TimestampMs,
    updatedAtMs: TimestampMs,
  })
  .superRefine((order, ctx) => {
    for (const [path, message] of orderInconsistencies(order)) {
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
export type Order = z.infer<typeof Order>;

type OrderFields = Pick<
  Order,
  'orderId' | 'clientOrderId' | 'countE2' | 'filledCountE2' | 'remainingCountE2' | 'status' | 'origin'
>;

/**
 * Counts and status must tell one story, so the UI never shows a "resting" order with nothing
 * left. Plain comparisons only: refinements also run on values whose fields already failed.
 */
function orderInconsistencies(order: OrderFields): [keyof OrderFields, string][] {
  const { status, countE2, filledCountE2: filled, remainingCountE2: remaining } = order;
  const rules: [boolean, keyof OrderFields, string][] = [
    [countE2 <= 0, 'countE2', 'an order has a positive count'],
    [filled + remaining > countE2, 'remainingCountE2', 'filled + remaining must not exceed the order count'],
    [
      status === 'resting' && filled !== 0,
      'filledCountE2',
      'a resting order has no fills (use partially_filled)',
    ],
    [status === 'partially_filled' && filled === 0, 'filledCountE2', 'a partially_filled order has fills'],
    [
      (status === 'resting' || status === 'partially_filled') && remaining === 0,
      'remainingCountE2',
      `a ${status} order has something remaining`,
    ],
    [status === 'filled' && remaining !== 0, 'remainingCountE2', 'a filled order has nothing remaining'],
    [status === 'filled' && filled === 0, 'filledCountE2', 'a filled order has fills'],
    [
      order.orderId === null &&
        (status === 'resting' || status === 'partially_filled' || status === 'filled'),
      'orderId',
      `a ${status} order has a venue order id`,
    ],
    [
      order.clientOrderId === null && order.origin.kind !== 'external',
      'clientOrderId',
      'orders placed by the agent carry a client order id',
    ],
  ];
  return rules.filter(([isBroken]) => isBroken).map(([, path, message]) => [path, message]);
}
