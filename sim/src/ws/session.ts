import type { WebSocket } from 'ws';
import type { Exchange } from '../engine/index.js';
import type { FaultState } from '../faults/index.js';
import type { SimLogger } from '../lib/log.js';
import { bookOf } from '../rest/markets/engine-reads.js';
import {
  CHANNELS,
  commandSchema,
  subscribeParamsSchema,
  unsubscribeParamsSchema,
  updateParamsSchema,
  WsError,
  type Channel,
  type WsErrorSpec,
} from './commands.js';
import { bookSnapshotMsg, tickerMsg } from './frames.js';
import { Subscription } from './subscription.js';

export interface SessionDeps {
  exchange: Exchange;
  faults: FaultState;
  log: SimLogger;
  isKnownMarket: (ticker: string) => boolean;
  nowMs: () => number;
}

/** Past this many buffered bytes a subscription is cut with error 25, as Kalshi does. */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

const isChannel = (name: string): name is Channel => (CHANNELS as readonly string[]).includes(name);

/** One authenticated WebSocket connection and its subscriptions. */
export class WsSession {
  readonly subs = new Map<number, Subscription>();
  private nextSid = 1;

  constructor(
    private readonly ws: WebSocket,
    readonly userId: string,
    private readonly deps: SessionDeps,
  ) {}

  /** Data frame on a subscription (withheld while the silent-stall fault is on). */
  sendData(sub: Subscription, type: string, msg: unknown, id?: number): void {
    if (this.deps.faults.isWsStalled) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.subs.delete(sub.sid);
      this.sendError(undefined, WsError.bufferOverflow, sub.sid);
      return;
    }
    const frame = sub.isSequenced
      ? {
          type,
          sid: sub.sid,
          seq: sub.nextSeq(this.deps.faults.seqGapGeneration),
          ...(id ? { id } : {}),
          msg,
        }
      : { type, sid: sub.sid, msg };
    this.ws.send(JSON.stringify(frame));
  }

  private reply(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  private sendError(id: number | undefined, error: WsErrorSpec, sid?: number): void {
    this.reply({
      ...(id === undefined ? {} : { id }),
      type: 'error',
      ...(sid ? { sid } : {}),
      msg: { ...error },
    });
  }

  handleMessage(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.sendError(undefined, WsError.unableToProcess);
      return;
    }
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) {
      this.sendError(undefined, WsError.unableToProcess);
      return;
    }
    const { id, cmd, params } = parsed.data;
    switch (cmd) {
      case 'subscribe':
        return this.subscribe(id, params);
      case 'unsubscribe':
        return this.unsubscribe(id, params);
      case 'list_subscriptions':
        this.reply({
          id,
          type: 'ok',
          msg: [...this.subs.values()].map((s) => ({ channel: s.channel, sid: s.sid })),
        });
        return;
      case 'update_subscription':
        return this.update(id, params);
      default:
        this.sendError(id, WsError.unknownCommand);
    }
  }

  private subscribe(id: number | undefined, params: Record<string, unknown> | undefined): void {
    if (!params) return this.sendError(id, WsError.paramsRequired);
    const p = subscribeParamsSchema.safeParse(params);
    if (!p.success) return this.sendError(id, WsError.invalidParameter);
    const channels = p.data.channels ?? [];
    if (channels.length === 0) return this.sendError(id, WsError.channelsRequired);
    if (!channels.every(isChannel)) return this.sendError(id, WsError.unknownChannel);
    if (p.data.market_ticker !== undefined && p.data.market_tickers !== undefined) {
      return this.sendError(id, WsError.invalidParameter);
    }
    const listed = p.data.market_tickers ?? (p.data.market_ticker ? [p.data.market_ticker] : null);
    if (listed && !listed.every((t) => this.deps.isKnownMarket(t)))
      return this.sendError(id, WsError.invalidParameter);
    for (const channel of channels) {
      if (channel === 'orderbook_delta' && !listed) return this.sendError(id, WsError.marketTickerRequired);
    }
    for (const channel of channels) {
      // Subscribing again is idempotent: new tickers merge into the existing sid (CL Sep 25 2025).
      const existing = [...this.subs.values()].find((s) => s.channel === channel);
      if (existing) {
        const added = listed?.filter((t) => existing.tickers !== null && !existing.tickers.has(t)) ?? [];
        if (listed === null) existing.tickers = null;
        else for (const t of added) existing.tickers?.add(t);
        this.reply({ id, type: 'subscribed', msg: { channel, sid: existing.sid } });
        if (channel === 'orderbook_delta') this.sendSnapshots(existing, added);
        continue;
      }
      const channelTickers = channel === 'market_lifecycle_v2' || !listed ? null : new Set(listed);
      const sub = new Subscription(
        this.nextSid++,
        channel,
        channelTickers,
        p.data.use_yes_price === true,
        this.deps.faults.seqGapGeneration,
      );
      this.subs.set(sub.sid, sub);
      // One `subscribed` frame per channel, all echoing the command id (UNCONFIRMED; README).
      this.reply({ id, type: 'subscribed', msg: { channel, sid: sub.sid } });
      if (channel === 'orderbook_delta') this.sendSnapshots(sub, listed ?? []);
      if (channel === 'ticker' && p.data.send_initial_snapshot === true)
        this.sendTickerSnapshots(sub, listed ?? []);
    }
  }

  private sendSnapshots(sub: Subscription, tickers: readonly string[], id?: number): void {
    for (const ticker of tickers) {
      const book = bookOf(this.deps.exchange, ticker);
      if (book) this.sendData(sub, 'orderbook_snapshot', bookSnapshotMsg(book, sub.isYesPrice), id);
    }
  }

  /** `send_initial_snapshot` (ticker channel): the current ticker of each listed market. */
  private sendTickerSnapshots(sub: Subscription, tickers: readonly string[]): void {
    for (const ticker of tickers) {
      const view = this.deps.exchange.getMarket(ticker);
      if (view) this.sendData(sub, 'ticker', tickerMsg(view, this.deps.nowMs()));
    }
  }

  private unsubscribe(id: number | undefined, params: Record<string, unknown> | undefined): void {
    if (!params) return this.sendError(id, WsError.paramsRequired);
    const p = unsubscribeParamsSchema.safeParse(params);
    if (!p.success) return this.sendError(id, WsError.invalidParameter);
    const sids = p.data.sids ?? [];
    if (sids.length === 0) return this.sendError(id, WsError.sidsRequired);
    for (const sid of sids) {
      const sub = this.subs.get(sid);
      if (!sub) {
        this.sendError(id, WsError.unknownSid, sid);
        continue;
      }
      this.subs.delete(sid);
      this.reply({ id, sid, seq: sub.nextSeq(this.deps.faults.seqGapGeneration), type: 'unsubscribed' });
    }
  }

  private update(id: number | undefined, params: Record<string, unknown> | undefined): void {
    if (!params) return this.sendError(id, WsError.paramsRequired);
    const p = updateParamsSchema.safeParse(params);
    if (!p.success) return this.sendError(id, WsError.invalidParameter);
    const sids = p.data.sids ?? (p.data.sid === undefined ? [] : [p.data.sid]);
    if (sids.length === 0) return this.sendError(id, WsError.sidsRequired);
    if (sids.length !== 1 || (p.data.sid !== undefined && p.data.sids !== undefined)) {
      return this.sendError(id, WsError.exactlyOneSid);
    }
    const sub = this.subs.get(sids[0] ?? -1);
    if (!sub) return this.sendError(id, WsError.unknownSid);
    if (p.data.action === undefined) return this.sendError(id, WsError.actionRequired);
    const tickers = p.data.market_tickers ?? (p.data.market_ticker ? [p.data.market_ticker] : []);
    if (!tickers.every((t) => this.deps.isKnownMarket(t)))
      return this.sendError(id, WsError.invalidParameter, sub.sid);
    if (p.data.action === 'get_snapshot') {
      // Only the `market_tickers` key form, and only orderbook subscriptions (ASYNC).
      if (sub.channel !== 'orderbook_delta') return this.sendError(id, WsError.unsupportedAction, sub.sid);
      if (!p.data.market_tickers?.length) return this.sendError(id, WsError.marketTickerRequired, sub.sid);
      this.sendSnapshots(sub, p.data.market_tickers, id);
      return;
    }
    if (p.data.action !== 'add_markets' && p.data.action !== 'delete_markets') {
      return this.sendError(id, WsError.unsupportedAction, sub.sid);
    }
    if (tickers.length === 0) return this.sendError(id, WsError.marketTickerRequired, sub.sid);
    if (sub.channel === 'market_lifecycle_v2') return this.sendError(id, WsError.unsupportedAction, sub.sid);
    if (p.data.action === 'add_markets') {
      const added = tickers.filter((t) => sub.tickers !== null && !sub.tickers.has(t));
      for (const t of added) sub.tickers?.add(t);
      if (sub.channel === 'orderbook_delta') this.sendSnapshots(sub, added);
    } else {
      for (const t of tickers) sub.tickers?.delete(t);
    }
    this.reply({
      id,
      sid: sub.sid,
      ...(sub.isSequenced ? { seq: sub.nextSeq(this.deps.faults.seqGapGeneration) } : {}),
      type: 'ok',
      msg: { market_tickers: sub.tickers === null ? [] : [...sub.tickers] },
    });
  }
}
