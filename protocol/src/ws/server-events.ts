/**
 * agent → client. `ServerEvent` is the stream data (each with `stream` + `seq`); `ServerMessage`
 * adds the control messages of a connection. Both are discriminated unions on `type`
 * (dotted lower case, past tense).
 */
import { z } from 'zod';
import { ActivityEvent } from '../domain/activity.js';
import { Balance } from '../domain/balance.js';
import { BookLevelChange, OrderBook } from '../domain/book.js';
import { Fill } from '../domain/fill.js';
import { HealthDetail } from '../domain/health.js';
import { MarketSummary } from '../domain/market.js';
import { Order } from '../domain/order.js';
import { Position } from '../domain/position.js';
import { TradingState } from '../domain/trading-state.js';
import { ErrorBody } from '../errors.js';
import { FlattenReport } from '../rest/flatten.js';
import { AgentHello, Incompatible } from '../handshake.js';
import { MarketTicker } from '../ids.js';
import { TimestampMs } from '../timestamp.js';
import type { AccountStream } from './streams.js';
import { MarketStream, Seq, StreamName, marketStream } from './streams.js';

function accountEvent<T extends string, S extends AccountStream, P extends z.ZodRawShape>(
  type: T,
  stream: S,
  payload: P,
) {
  return z.object({ type: z.literal(type), stream: z.literal(stream), seq: Seq, ...payload });
}

/** Market events travel on `market:<ticker>` of the ticker they describe; anything else is a bug. */
function checkMarketStream(ctx: z.core.ParsePayload<{ stream: string }>, ticker: MarketTicker): void {
  const expected = marketStream(ticker);
  if (ctx.value.stream !== expected) {
    ctx.issues.push({
      code: 'custom',
      path: ['stream'],
      message: `expected stream ${expected}`,
      input: ctx.value.stream,
    });
  }
}

export const BookSnapshotEvent = z
  .object({ type: z.literal('book.snapshot'), stream: MarketStream, seq: Seq, book: OrderBook })
  .check((ctx) => checkMarketStream(ctx, ctx.value.book.ticker));
export type BookSnapshotEvent = z.infer<typeof BookSnapshotEvent>;

export const BookDeltaEvent = z
  .object({
    type: z.literal('book.delta'),
    stream: MarketStream,
    seq: Seq,
    ticker: MarketTicker,
    changes: z
      .array(BookLevelChange)
      .min(1)
      .check((ctx) => {
        // Two sizes for one level in one message would make the result depend on order.
        const seen = new Set<string>();
        ctx.value.forEach((change, index) => {
          const key = `${change.leg}:${change.priceE4}`;
          if (seen.has(key)) {
            ctx.issues.push({
              code: 'custom',
              path: [index],
              message: `level ${key} changed twice`,
              input: change,
            });
          }
          seen.add(key);
        });
      }),
    isQuotable: z.boolean(),
    asOfMs: TimestampMs,
  })
  .check((ctx) => checkMarketStream(ctx, ctx.value.ticker));
export type BookDeltaEvent = z.infer<typeof BookDeltaEvent>;

export const MarketUpdatedEvent = z
  .object({ type: z.literal('market.updated'), stream: MarketStream, seq: Seq, market: MarketSummary })
  .check((ctx) => checkMarketStream(ctx, ctx.value.market.ticker));
export type MarketUpdatedEvent = z.infer<typeof MarketUpdatedEvent>;

export const OrderUpdatedEvent = accountEvent('order.updated', 'orders', { order: Order });
export type OrderUpdatedEvent = z.infer<typeof OrderUpdatedEvent>;
export const FillCreatedEvent = accountEvent('fill.created', 'fills', { fill: Fill });
export type FillCreatedEvent = z.infer<typeof FillCreatedEvent>;
export const PositionUpdatedEvent = accountEvent('position.updated', 'positions', { position: Position });
export type PositionUpdatedEvent = z.infer<typeof PositionUpdatedEvent>;
export const BalanceUpdatedEvent = accountEvent('balance.updated', 'balance', { balance: Balance });
export type BalanceUpdatedEvent = z.infer<typeof BalanceUpdatedEvent>;
export const TradingStateChangedEvent = accountEvent('trading_state.changed', 'trading_state', {
  tradingState: TradingState,
});
export type TradingStateChangedEvent = z.infer<typeof TradingStateChangedEvent>;
export const ActivityAppendedEvent = accountEvent('activity.appended', 'activity', {
  activity: ActivityEvent,
});
export type ActivityAppendedEvent = z.infer<typeof ActivityAppendedEvent>;
export const HealthChangedEvent = accountEvent('health.changed', 'health', { health: HealthDetail });
export type HealthChangedEvent = z.infer<typeof HealthChangedEvent>;
/** Flatten All progress: the run's report so far, after every step (the last one is finished). */
export const FlattenProgressedEvent = accountEvent('flatten.progressed', 'flatten', {
  report: FlattenReport,
});
export type FlattenProgressedEvent = z.infer<typeof FlattenProgressedEvent>;

/** Stream data: everything with a `stream` and a `seq`. */
export const ServerEvent = z.discriminatedUnion('type', [
  BookSnapshotEvent,
  BookDeltaEvent,
  MarketUpdatedEvent,
  OrderUpdatedEvent,
  FillCreatedEvent,
  PositionUpdatedEvent,
  BalanceUpdatedEvent,
  TradingStateChangedEvent,
  ActivityAppendedEvent,
  HealthChangedEvent,
  FlattenProgressedEvent,
]);
export type ServerEvent = z.infer<typeof ServerEvent>;

/**
 * After `subscribe`: the current seq of each stream (0 = nothing sent yet); the next event on a
 * stream carries seq + 1, so the client knows where it starts.
 */
export const SubscribedMessage = z.object({
  type: z.literal('subscribed'),
  streams: z.array(z.object({ stream: StreamName, seq: z.int().min(0) })),
});
export type SubscribedMessage = z.infer<typeof SubscribedMessage>;

/**
 * The agent cannot replay from the requested seq (too old): the client must drop its state for
 * the stream and reload it. `seq` is the stream's current seq (the next event is seq + 1). For a
 * market stream a `book.snapshot` follows.
 */
export const StreamResetMessage = z.object({
  type: z.literal('stream.reset'),
  stream: StreamName,
  seq: z.int().min(0),
  reason: z.string().min(1),
});
export type StreamResetMessage = z.infer<typeof StreamResetMessage>;

export const AuthAcceptedMessage = z.object({ type: z.literal('auth.accepted') });
export type AuthAcceptedMessage = z.infer<typeof AuthAcceptedMessage>;

/** A client message was refused; `requestId` echoes the client's, when it sent one. */
export const ErrorMessage = z.object({
  type: z.literal('error'),
  requestId: z.string().min(1).max(64).nullable(),
  error: ErrorBody,
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** Everything the agent may send on the socket. */
export const ServerMessage = z.discriminatedUnion('type', [
  AgentHello,
  Incompatible,
  AuthAcceptedMessage,
  SubscribedMessage,
  StreamResetMessage,
  ErrorMessage,
  ...ServerEvent.options,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerEventType = ServerEvent['type'];
