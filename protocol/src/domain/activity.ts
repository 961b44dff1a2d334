import { z } from 'zod';
import { ClientOrderId, MarketTicker, OrderId, StrategyId } from '../ids.js';
import { TimestampMs } from '../timestamp.js';

export const ActivityKind = z.enum([
  'order',
  'fill',
  'risk',
  'trading_state',
  'connection',
  'reconciliation',
  'strategy',
  'sentiment',
  'not_traded',
  'system',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivitySeverity = z.enum(['info', 'warning', 'error', 'critical']);
export type ActivitySeverity = z.infer<typeof ActivitySeverity>;

/** Why a strategy signal did not become an order: the "why not traded" feed. */
export const NotTradedReason = z.enum([
  'trading_halted',
  'reducing_only',
  'risk_limit',
  'insufficient_balance',
  'market_not_active',
  'book_not_quotable',
  'data_stale',
  'sentiment_stale',
  'outcome_unknown_pending',
  'rate_limited',
  'venue_unavailable',
  'spread_too_wide',
  'pre_close_window',
  'model_gate_closed',
  'sentiment_kill_switch',
]);
export type NotTradedReason = z.infer<typeof NotTradedReason>;

export const ActivityEvent = z
  .object({
    /** Stable id (ledger row) so a resync does not duplicate rows. */
    id: z.string().min(1).max(128),
    kind: ActivityKind,
    severity: ActivitySeverity,
    message: z.string().min(1),
    atMs: TimestampMs,
    ticker: MarketTicker.nullable(),
    orderId: OrderId.nullable(),
    clientOrderId: ClientOrderId.nullable(),
    strategyId: StrategyId.nullable(),
    /** Set exactly when `kind` is `not_traded`. */
    notTradedReason: NotTradedReason.nullable(),
  })
  .superRefine((event, ctx) => {
    const isNotTraded = event.kind === 'not_traded';
    if (isNotTraded !== (event.notTradedReason !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['notTradedReason'],
        message: 'notTradedReason is required for kind not_traded and null otherwise',
      });
    }
  });
export type ActivityEvent = z.infer<typeof ActivityEvent>;
