/**
 * The ledger events of the execution road (source `agent.execution`), and their schemas for
 * replay. Ids are deterministic, so a write repeated after a restart is a no-op:
 * - `intent:<client order id>`: the order as decided, written BEFORE it is sent;
 * - `tx:<client order id>:<n>`: the n-th lifecycle event of that order;
 * - `denied:<client order id>:<ms>`: a denial (fat finger or risk), which never reaches the venue.
 */
import {
  ClientOrderId,
  CountE2Schema,
  MarketTicker,
  OrderOrigin,
  OrderSide,
  PriceE4Schema,
  TimeInForce,
} from '@pt/protocol';
import { z } from 'zod';

export const EXECUTION_SOURCE = 'agent.execution';
export const INTENT_KIND = 'execution.intent';
export const TRANSITION_KIND = 'execution.transition';
export const DENIED_KIND = 'execution.denied';

export const IntentPayload = z.strictObject({
  clientOrderId: ClientOrderId,
  ticker: MarketTicker,
  side: OrderSide,
  priceE4: PriceE4Schema,
  countE2: CountE2Schema,
  timeInForce: TimeInForce,
  reduceOnly: z.boolean(),
  origin: OrderOrigin,
  createdAtMs: z.int().nonnegative(),
});
export type IntentPayload = z.infer<typeof IntentPayload>;

const Count = z.int().nonnegative();
const Id = z.string().min(1);

/** Mirrors `LifecycleEvent` (order-lifecycle.ts); ids stay plain strings here and are re-branded on use. */
export const LifecycleEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sent') }),
  z.strictObject({ type: z.literal('ack'), orderId: Id, filledCountE2: Count, remainingCountE2: Count }),
  z.strictObject({ type: z.literal('fill'), fillId: Id, orderId: Id, countE2: Count }),
  z.strictObject({ type: z.literal('cancel_ack'), reducedByE2: Count }),
  z.strictObject({ type: z.literal('amend_ack'), countE2: Count }),
  z.strictObject({ type: z.literal('reject'), detail: z.string() }),
  z.strictObject({ type: z.literal('outcome_unknown'), detail: z.string() }),
  z.strictObject({
    type: z.literal('venue_state'),
    orderId: Id,
    state: z.enum(['resting', 'canceled', 'executed']),
    filledCountE2: Count,
  }),
  z.strictObject({ type: z.literal('not_found'), detail: z.string() }),
]);

export const TransitionPayload = z.strictObject({
  clientOrderId: ClientOrderId,
  seq: z.int().positive(),
  event: LifecycleEventSchema,
  /** A price change that came with an amend. */
  priceE4: PriceE4Schema.optional(),
  atMs: z.int().nonnegative(),
});
export type TransitionPayload = z.infer<typeof TransitionPayload>;

export const DeniedPayload = z.strictObject({
  clientOrderId: ClientOrderId,
  ticker: MarketTicker,
  rule: z.string(),
  detail: z.string(),
  origin: OrderOrigin,
  atMs: z.int().nonnegative(),
});
