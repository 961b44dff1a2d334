/**
 * The non-book data frames: the public tape (trade, ticker), the account channels (fill,
 * user_order, market_position) and lifecycle. Parsed at the edge (hand guards for trade and
 * ticker, zod for the rest), ledgered by venue id, turned into stream events.
 */
import type { z } from 'zod';
import {
  FillFrame,
  KNOWN_ACCOUNT_KEYS,
  MarketPositionFrame,
  UserOrderFrame,
} from './frames/account-schemas.js';
import { LifecycleFrame } from './frames/control-schemas.js';
import { guardTicker, guardTrade } from './frames/hot-guards.js';
import { KNOWN_MSG_KEYS } from './frames/market-schemas.js';
import type { Rejection } from './frames/parse.js';
import type { FrameHandlerDeps } from './frame-handler.js';
import { fillRecord, lifecycleRecord, tradeRecord, userOrderRecord } from './ledger-records.js';

/** The frame handler's edge tools, shared so every frame type fails closed the same way. */
export interface EdgeTools {
  parse<T>(schema: z.ZodType<T>, frame: unknown, where: string): T | null;
  reject(frame: unknown, rejection: Rejection): void;
  sequence(sid: number, seq: number): void;
  unknownKeys(where: string, frame: unknown, known: ReadonlySet<string>): void;
  isHotSample(): boolean;
}

function msgOf(frame: unknown): unknown {
  return typeof frame === 'object' && frame !== null && 'msg' in frame ? frame.msg : undefined;
}

export class EventFrames {
  constructor(
    private readonly d: FrameHandlerDeps,
    private readonly edge: EdgeTools,
  ) {}

  trade(frame: unknown): void {
    const r = guardTrade(frame);
    if (!r.ok) return this.edge.reject(frame, { where: 'trade', field: r.field, message: r.message });
    if (this.edge.isHotSample()) this.edge.unknownKeys('trade', frame, KNOWN_MSG_KEYS.trade);
    const { sid, seq, ...trade } = r.value;
    this.edge.sequence(sid, seq);
    this.d.liveness.channelData('trade', this.d.nowMs());
    if (this.d.subs.wanted.has(trade.marketTicker)) this.d.ledger.push(tradeRecord(trade, msgOf(frame)));
    this.d.emit({ type: 'trade', trade });
  }

  ticker(frame: unknown): void {
    const r = guardTicker(frame);
    if (!r.ok) return this.edge.reject(frame, { where: 'ticker', field: r.field, message: r.message });
    if (this.edge.isHotSample()) this.edge.unknownKeys('ticker', frame, KNOWN_MSG_KEYS.ticker);
    const { sid: _sid, ...ticker } = r.value;
    this.d.liveness.channelData('ticker', this.d.nowMs());
    this.d.emit({ type: 'ticker', ticker });
  }

  fill(frame: unknown): void {
    const f = this.edge.parse(FillFrame, frame, 'fill');
    if (f === null) return;
    this.edge.unknownKeys('fill', frame, KNOWN_ACCOUNT_KEYS.fill);
    this.d.liveness.channelData('fill', this.d.nowMs());
    this.d.ledger.push(fillRecord(f.msg, msgOf(frame)));
    this.d.emit({ type: 'fill', fill: f.msg });
  }

  userOrder(frame: unknown): void {
    const f = this.edge.parse(UserOrderFrame, frame, 'user_orders');
    if (f === null) return;
    this.edge.unknownKeys('user_orders', frame, KNOWN_ACCOUNT_KEYS.user_order);
    this.d.liveness.channelData('user_orders', this.d.nowMs());
    this.d.ledger.push(userOrderRecord(f.msg, msgOf(frame)));
    this.d.emit({ type: 'order_update', order: f.msg });
  }

  position(frame: unknown): void {
    const f = this.edge.parse(MarketPositionFrame, frame, 'market_positions');
    if (f === null) return;
    this.edge.unknownKeys('market_positions', frame, KNOWN_ACCOUNT_KEYS.market_position);
    this.d.liveness.channelData('market_positions', this.d.nowMs());
    this.d.emit({ type: 'position', position: f.msg });
  }

  lifecycle(frame: unknown): void {
    const f = this.edge.parse(LifecycleFrame, frame, 'market_lifecycle_v2');
    if (f === null) return;
    this.edge.sequence(f.sid, f.seq);
    this.d.liveness.channelData('market_lifecycle_v2', this.d.nowMs());
    const lifecycle = {
      eventType: f.msg.event_type ?? f.type,
      marketTicker: f.msg.market_ticker ?? null,
      eventTicker: f.msg.event_ticker ?? null,
      raw: f.msg,
    };
    this.d.ledger.push(lifecycleRecord(f.type, lifecycle));
    this.d.emit({ type: 'lifecycle', lifecycle });
  }
}
