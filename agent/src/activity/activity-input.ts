/**
 * What a producer hands the recorder, and how it becomes a protocol ActivityEvent and a ledger row.
 * The event's `id` is the ledger row's `source_event_id`: the same key recorded twice (a replay, a
 * resync, a reconciliation that sees a fill again) is one row and one stream event.
 */
import { randomUUID } from 'node:crypto';
import { ActivityEvent, validationErrorBody } from '@pt/protocol';
import type { ActivityKind, ActivitySeverity, NotTradedReason } from '@pt/protocol';
import { AgentError } from '../lib/errors.js';
import type { LedgerEventInput } from '../store/index.js';

/** Every activity row is written by the agent itself. */
export const ACTIVITY_SOURCE = 'agent';

export interface ActivityInput {
  /**
   * Idempotency key (becomes the event id). Give one derived from what the event is about
   * (`fill:<tradeId>`, `order:<clientOrderId>:placed`) whenever the same decision can be reported
   * twice; omitted, a random id makes the event unique.
   */
  key?: string;
  kind: ActivityKind;
  severity: ActivitySeverity;
  /** One sentence a trader reads. */
  message: string;
  /** Default: the recorder's clock. */
  atMs?: number;
  /** When the venue says it happened, if it says. */
  venueTsMs?: number | null;
  ticker?: string | null;
  orderId?: string | null;
  clientOrderId?: string | null;
  strategyId?: string | null;
  /** Required for kind `not_traded`, refused otherwise. */
  notTradedReason?: NotTradedReason | null;
}

/** `activity.order`, `activity.not_traded`, … */
export function ledgerKindOf(kind: ActivityKind): string {
  return `activity.${kind}`;
}

/** Builds and validates the event; bad input is VALIDATION_FAILED naming the field. */
export function buildActivityEvent(input: ActivityInput, nowMs: () => number): ActivityEvent {
  const parsed = ActivityEvent.safeParse({
    id: input.key ?? `activity:${randomUUID()}`,
    kind: input.kind,
    severity: input.severity,
    message: input.message,
    atMs: input.atMs ?? nowMs(),
    ticker: input.ticker ?? null,
    orderId: input.orderId ?? null,
    clientOrderId: input.clientOrderId ?? null,
    strategyId: input.strategyId ?? null,
    notTradedReason: input.notTradedReason ?? null,
  });
  if (!parsed.success) {
    const body = validationErrorBody(parsed.error);
    throw new AgentError(body.code, body.message, {}, body.details);
  }
  return parsed.data;
}

export function toLedgerEvent(event: ActivityEvent, venueTsMs: number | null | undefined): LedgerEventInput {
  return {
    source: ACTIVITY_SOURCE,
    sourceEventId: event.id,
    kind: ledgerKindOf(event.kind),
    payload: event,
    venueTsMs: venueTsMs ?? null,
    // The feed's time filter reads this column (indexed), not the JSON payload.
    ingestTsMs: event.atMs,
  };
}
