import type { EngineEvent, Exchange, MarketView } from '../engine/index.js';
import type { Channel } from './commands.js';
import { bookDeltaMsg, fillMsg, marketPositionMsg, tickerMsg, tradeMsg, userOrderMsg } from './frames.js';
import { fpE2 } from '../lib/format.js';
import { viewOf } from '../rest/markets/engine-reads.js';
import type { WsSession } from './session.js';

/**
 * Fans engine events out to WebSocket sessions. Ticker updates are coalesced per market and sent
 * once per event-loop turn, and only when a field changed (Kalshi: "sent when any field changes").
 */
export class WsHub {
  readonly sessions = new Set<WsSession>();
  private readonly dirtyTickers = new Set<string>();
  private isFlushScheduled = false;
  private readonly lastTicker = new Map<string, string>();

  constructor(
    private readonly exchange: Exchange,
    private readonly nowMs: () => number,
  ) {}

  private emit(
    channel: Channel,
    ticker: string | null,
    userId: string | null,
    type: string,
    msg: (isYesPrice: boolean, sessionUserId: string) => unknown,
  ): void {
    for (const session of this.sessions) {
      if (userId !== null && session.userId !== userId) continue;
      for (const sub of session.subs.values()) {
        if (sub.channel !== channel || (ticker !== null && !sub.matches(ticker))) continue;
        session.sendData(sub, type, msg(sub.isYesPrice, session.userId));
      }
    }
  }

  onEngineEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'book_delta': {
        const { ticker, side, priceE4, deltaE2, tsMs } = event;
        this.emit('orderbook_delta', ticker, null, 'orderbook_delta', (isYes, sessionUserId) => {
          const msg = bookDeltaMsg(ticker, side, priceE4, deltaE2, tsMs, isYes);
          // Only the owner of the order that changed the level learns its client_order_id.
          if (event.userId !== sessionUserId || event.clientOrderId === null) return msg;
          return { ...msg, client_order_id: event.clientOrderId, subaccount: 0 };
        });
        this.markTicker(ticker);
        return;
      }
      case 'trade':
        this.emit('trade', event.trade.ticker, null, 'trade', () => tradeMsg(event.trade));
        this.markTicker(event.trade.ticker);
        return;
      case 'fill':
        this.emit('fill', event.fill.ticker, event.fill.userId, 'fill', () => fillMsg(event.fill));
        return;
      case 'order_update':
        this.emit('user_orders', event.order.ticker, event.order.userId, 'user_order', () =>
          userOrderMsg(event.order),
        );
        return;
      case 'position':
        this.emit('market_positions', event.position.ticker, event.position.userId, 'market_position', () =>
          marketPositionMsg(event.position),
        );
        return;
      case 'lifecycle':
        this.emit('market_lifecycle_v2', null, null, 'market_lifecycle_v2', () => lifecycleMsg(event));
        this.markTicker(event.ticker);
        return;
      case 'order_group':
        this.emit('order_group_updates', null, event.userId, 'order_group_updates', () => ({
          event_type: event.eventType,
          order_group_id: event.orderGroupId,
          contracts_limit_fp: fpE2(event.contractsLimitE2),
          ts_ms: event.tsMs,
        }));
        return;
      case 'balance':
        return;
    }
  }

  private markTicker(ticker: string): void {
    this.dirtyTickers.add(ticker);
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    setImmediate(() => this.flushTickers());
  }

  private flushTickers(): void {
    this.isFlushScheduled = false;
    const tickers = [...this.dirtyTickers];
    this.dirtyTickers.clear();
    for (const ticker of tickers) {
      const view: MarketView | undefined = viewOf(this.exchange, ticker);
      if (!view) continue;
      const msg = tickerMsg(view, this.nowMs());
      // Compare without the timestamps: only a change of a market field is news.
      const { ts: _ts, ts_ms: _tsMs, time: _time, ...fields } = msg;
      const key = JSON.stringify(fields);
      if (this.lastTicker.get(ticker) === key) continue;
      this.lastTicker.set(ticker, key);
      this.emit('ticker', ticker, null, 'ticker', () => msg);
    }
  }
}

function lifecycleMsg(event: Extract<EngineEvent, { type: 'lifecycle' }>): Record<string, unknown> {
  const seconds = Math.floor(event.tsMs / 1000);
  const msg: Record<string, unknown> = {
    market_ticker: event.ticker,
    event_type: event.eventType,
    exchange_index: 0,
  };
  if (event.eventType === 'determined') {
    msg.determination_ts = seconds;
    msg.result = event.result ?? '';
    msg.settlement_value = event.result === 'yes' ? '1.0000' : '0.0000';
  }
  if (event.eventType === 'settled') msg.settled_ts = seconds;
  if (event.eventType === 'activated' || event.eventType === 'deactivated') {
    msg.is_deactivated = event.eventType === 'deactivated';
  }
  if (event.eventType === 'close_date_updated') msg.close_ts = seconds;
  return msg;
}
