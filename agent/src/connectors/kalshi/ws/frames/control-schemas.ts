/**
 * zod schemas of the command replies and the lifecycle channel (kalshi-api.md §4.2, §4.3).
 */
import { z } from 'zod';
import { MarketTicker } from '@pt/protocol';

const sid = z.number().int().positive();
const seq = z.number().int().positive();
const commandId = z.number().int().nonnegative();

export const SubscribedFrame = z.object({
  type: z.literal('subscribed'),
  id: commandId.optional(),
  msg: z.object({ channel: z.string().min(1), sid }),
});

export const OkFrame = z.object({
  type: z.literal('ok'),
  id: commandId.optional(),
  sid: sid.optional(),
  seq: seq.optional(),
  msg: z.unknown().optional(),
});

export const UnsubscribedFrame = z.object({
  type: z.literal('unsubscribed'),
  id: commandId.optional(),
  sid,
  seq: seq.optional(),
});

export const ErrorFrame = z.object({
  type: z.literal('error'),
  id: commandId.optional(),
  sid: sid.optional(),
  seq: seq.optional(),
  msg: z.object({
    code: z.number().int(),
    msg: z.string(),
    market_ticker: z.string().optional(),
    market_tickers: z.array(z.string()).optional(),
  }),
});
export type ErrorFrame = z.output<typeof ErrorFrame>;

/**
 * `market_lifecycle_v2` carries `market_lifecycle_v2`, `event_lifecycle` and `event_fee_update`
 * frames. Only the routing keys are required; the whole msg is kept (and ledgered) as received,
 * because each event type carries different fields.
 */
export const LifecycleFrame = z
  .object({
    type: z.enum(['market_lifecycle_v2', 'event_lifecycle', 'event_fee_update']),
    sid,
    seq,
    msg: z
      .object({
        event_type: z.string().min(1).optional(),
        market_ticker: MarketTicker.optional(),
        event_ticker: z.string().min(1).optional(),
      })
      .catchall(z.unknown()),
  })
  .refine(
    (f) =>
      f.type !== 'market_lifecycle_v2' ||
      (f.msg.event_type !== undefined && f.msg.market_ticker !== undefined),
    {
      path: ['msg', 'event_type'],
      message: 'market_lifecycle_v2 requires event_type and market_ticker',
    },
  );
export type LifecycleFrame = z.output<typeof LifecycleFrame>;

/** Error codes after which the subscription is gone and must be re-made (ASYNC "Terminal Errors"). */
export const TERMINAL_ERROR_CODES: ReadonlySet<number> = new Set([10, 25]);
