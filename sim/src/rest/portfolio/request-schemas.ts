import { z } from 'zod';
import { parseCountE2, parsePriceE4 } from './fixed-point.js';

const ONE_DOLLAR_E4 = 10_000;

// Value checks raise `custom` issues, which the error mapper turns into `invalid_order`
// (the JSON had the right types but the value is not a valid order); wrong JSON types stay
// `bad_request`.
const priceString = z.string().transform((text, ctx) => {
  const priceE4 = parsePriceE4(text);
  if (priceE4 === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a dollar amount with at most 4 decimals: "${text}"` });
    return z.NEVER;
  }
  if (priceE4 <= 0 || priceE4 >= ONE_DOLLAR_E4) {
    ctx.addIssue({ code: 'custom', message: `out of range (0, 1): "${text}"` });
    return z.NEVER;
  }
  return priceE4;
});

function countString(options: { isZeroAllowed: boolean }) {
  return z.string().transform((text, ctx) => {
    const countE2 = parseCountE2(text);
    if (countE2 === undefined) {
      ctx.addIssue({ code: 'custom', message: `not a contract count with at most 2 decimals: "${text}"` });
      return z.NEVER;
    }
    if (countE2 === 0 && !options.isZeroAllowed) {
      ctx.addIssue({ code: 'custom', message: 'must be greater than 0' });
      return z.NEVER;
    }
    return countE2;
  });
}

const subaccount = z.int().min(0).max(63);
// One shard (index 0) in the simulator; -1 or omitted means auto-route (CL-AUG Aug 27 2026).
const exchangeIndex = z.int().min(-1).max(0);
// REST limits are undocumented; we apply the FIX ClOrdID rule (≤ 64 chars, [-\w:+=/]).
const clientOrderId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[-\w:+=/]+$/, 'only letters, digits and - _ : + = / are allowed');

export const CreateOrderBody = z.strictObject({
  ticker: z.string().min(1),
  client_order_id: clientOrderId.optional(),
  side: z.enum(['bid', 'ask']),
  count: countString({ isZeroAllowed: false }),
  price: priceString,
  /** Unix seconds. */
  expiration_time: z.int().positive().optional(),
  time_in_force: z.enum(['fill_or_kill', 'good_till_canceled', 'immediate_or_cancel']),
  post_only: z.boolean().optional(),
  self_trade_prevention_type: z.enum(['taker_at_cross', 'maker']),
  cancel_order_on_pause: z.boolean().optional(),
  reduce_only: z.boolean().optional(),
  subaccount: subaccount.optional(),
  order_group_id: z.string().min(1).optional(),
  exchange_index: exchangeIndex.optional(),
});
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const AmendOrderBody = z.strictObject({
  ticker: z.string().min(1),
  side: z.enum(['bid', 'ask']),
  price: priceString,
  count: countString({ isZeroAllowed: false }),
  client_order_id: z.string().min(1).optional(),
  updated_client_order_id: clientOrderId.optional(),
  exchange_index: exchangeIndex.optional(),
});

export const DecreaseOrderBody = z
  .strictObject({
    reduce_by: countString({ isZeroAllowed: false }).optional(),
    reduce_to: countString({ isZeroAllowed: true }).optional(),
    market_ticker: z.string().min(1).optional(),
    exchange_index: exchangeIndex.optional(),
  })
  .check((ctx) => {
    const hasBy = ctx.value.reduce_by !== undefined;
    const hasTo = ctx.value.reduce_to !== undefined;
    if (hasBy === hasTo) {
      ctx.issues.push({
        code: 'custom',
        message: 'exactly one of reduce_by or reduce_to must be provided',
        input: ctx.value,
        path: ['reduce_by'],
      });
    }
  });

/** Kalshi does not document the V2 batch size cap; 20 was the legacy limit (defensive reading). */
export const MAX_BATCH_SIZE = 20;

export const BatchCreateBody = z.strictObject({
  orders: z.array(z.unknown()).min(1).max(MAX_BATCH_SIZE),
});

export const CancelItem = z.strictObject({
  order_id: z.string().min(1),
  subaccount: subaccount.optional(),
  exchange_index: exchangeIndex.optional(),
  market_ticker: z.string().min(1).optional(),
});
export const BatchCancelBody = z.strictObject({
  orders: z.array(z.unknown()).min(1).max(MAX_BATCH_SIZE),
});

const contractsLimitFields = {
  contracts_limit: z.int().positive().optional(),
  contracts_limit_fp: countString({ isZeroAllowed: false }).optional(),
};
function exactlyOneLimit(ctx: {
  value: { contracts_limit?: number | undefined; contracts_limit_fp?: number | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  if ((ctx.value.contracts_limit === undefined) === (ctx.value.contracts_limit_fp === undefined)) {
    ctx.issues.push({
      code: 'custom',
      message: 'exactly one of contracts_limit or contracts_limit_fp must be provided',
      input: ctx.value,
      path: ['contracts_limit_fp'],
    });
  }
}

export const CreateOrderGroupBody = z
  .strictObject({
    ...contractsLimitFields,
    subaccount: subaccount.optional(),
    exchange_index: exchangeIndex.optional(),
  })
  .check(exactlyOneLimit);
export const UpdateOrderGroupLimitBody = z.strictObject(contractsLimitFields).check(exactlyOneLimit);

/** `contracts_limit` (whole contracts) or `contracts_limit_fp` → CountE2. */
export function contractsLimitE2(body: {
  contracts_limit?: number | undefined;
  contracts_limit_fp?: number | undefined;
}) {
  return body.contracts_limit_fp ?? (body.contracts_limit ?? 0) * 100;
}
