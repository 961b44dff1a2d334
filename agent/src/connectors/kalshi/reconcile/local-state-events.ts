/**
 * The ledger events `LedgerLocalState` writes (source `agent.local_state`) and the zod schemas
 * that parse them back. Branded ids and fixed-point numbers are re-checked at read: a stored row
 * is input like any other, and a row that no longer parses is a broken invariant.
 */
import {
  ClientOrderId,
  CountE2Schema,
  FillId,
  MarketTicker,
  MoneyE6Schema,
  OrderId,
  OrderSide,
  PriceE4Schema,
  SignedCountE2Schema,
} from '@pt/protocol';
import { z } from 'zod';

export const LOCAL_STATE_SOURCE = 'agent.local_state';
export const INTENT_RECORDED_KIND = 'local_state.intent_recorded';
export const ORDER_ACCEPTED_KIND = 'local_state.order_accepted';
export const PLAN_APPLIED_KIND = 'local_state.plan_applied';

const TimestampMs = z.int().nonnegative();

export const IntentRecordedPayload = z.strictObject({
  clientOrderId: ClientOrderId,
  ticker: MarketTicker,
  submittedAtMs: TimestampMs,
});

export const OrderAcceptedPayload = z.strictObject({
  orderId: OrderId,
  clientOrderId: ClientOrderId.nullable(),
  ticker: MarketTicker,
  filledCountE2: CountE2Schema,
  remainingCountE2: CountE2Schema,
  isExternal: z.boolean(),
});

const VenueOrderViewSchema = z.strictObject({
  orderId: OrderId,
  clientOrderId: ClientOrderId.nullable(),
  ticker: MarketTicker,
  side: OrderSide,
  priceE4: PriceE4Schema,
  initialCountE2: CountE2Schema,
  filledCountE2: CountE2Schema,
  remainingCountE2: CountE2Schema,
  status: z.enum(['resting', 'canceled', 'executed']),
  createdAtMs: TimestampMs.nullable(),
});

const VenueFillViewSchema = z.strictObject({
  fillId: FillId,
  orderId: OrderId,
  ticker: MarketTicker,
  side: OrderSide,
  priceE4: PriceE4Schema,
  countE2: CountE2Schema,
  feeE6: MoneyE6Schema,
  isTaker: z.boolean(),
  createdAtMs: TimestampMs.nullable(),
});

const Checks = z.int().nonnegative();

/** Mirrors `ReconcileAction` in types.ts; a type test (ledger-local-state.test.ts) keeps the two in step. */
export const ReconcileActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('intent_accepted'),
    clientOrderId: ClientOrderId,
    order: VenueOrderViewSchema,
  }),
  z.strictObject({
    kind: z.literal('intent_unmatched'),
    clientOrderId: ClientOrderId,
    checksWithoutMatch: Checks,
  }),
  z.strictObject({
    kind: z.literal('intent_not_placed'),
    clientOrderId: ClientOrderId,
    checksWithoutMatch: Checks,
  }),
  z.strictObject({ kind: z.literal('order_imported'), order: VenueOrderViewSchema, isExternal: z.boolean() }),
  z.strictObject({ kind: z.literal('order_updated'), order: VenueOrderViewSchema }),
  z.strictObject({ kind: z.literal('order_miss_reset'), orderId: OrderId }),
  z.strictObject({ kind: z.literal('order_missed'), orderId: OrderId, consecutiveMisses: Checks }),
  z.strictObject({ kind: z.literal('order_closed_missing'), orderId: OrderId, consecutiveMisses: Checks }),
  z.strictObject({ kind: z.literal('fill_recorded'), fill: VenueFillViewSchema }),
  z.strictObject({
    kind: z.literal('position_mismatch'),
    ticker: MarketTicker,
    localE2: SignedCountE2Schema,
    venueE2: SignedCountE2Schema,
  }),
  z.strictObject({
    kind: z.literal('balance_mismatch'),
    localE6: MoneyE6Schema.nullable(),
    venueE6: MoneyE6Schema,
  }),
]);

export const PlanAppliedPayload = z.strictObject({
  actions: z.array(ReconcileActionSchema),
  hasPendingChecks: z.boolean(),
});

/** Names the first failing field of a stored payload, for the crash message. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid payload';
  const path = issue.path.map(String).join('.');
  return `${path === '' ? '(payload)' : path}: ${issue.message}`;
}
