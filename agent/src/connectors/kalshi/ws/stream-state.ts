import type { MarketTicker } from '@pt/protocol';
import type { BookRegistry } from '../book/index.js';
import type { LivenessTracker } from './liveness.js';
import type { SeqTracker } from './seq-tracker.js';
import type { Subscriptions } from './subscriptions.js';
import type { ChannelState, MarketState, SocketStatus, StreamChannel, StreamState } from './types.js';

export interface StreamStateParts {
  socket: SocketStatus;
  connectedAtMs: number | null;
  reconnects: number;
  failedAttempts: number;
  rejectedFrames: number;
  ledgerErrors: number;
  channels: readonly StreamChannel[];
  wanted: ReadonlySet<MarketTicker>;
  subs: Subscriptions;
  seq: SeqTracker;
  clocks: LivenessTracker;
  books: BookRegistry;
}

/** A plain snapshot of the stream for health and the UI (socket, per-channel, per-market). */
export function buildStreamState(p: StreamStateParts): StreamState {
  const channels: Partial<Record<StreamChannel, ChannelState>> = {};
  for (const channel of p.channels) {
    const sid = p.subs.sidOf(channel);
    const clock = p.clocks.channelClock(channel);
    channels[channel] = {
      sid,
      lastSeq: sid === null ? null : p.seq.lastSeq(sid),
      lastDataAtMs: clock?.lastDataAtMs ?? null,
      isStale: clock?.isStale ?? false,
    };
  }
  const markets: Record<string, MarketState> = {};
  for (const ticker of p.wanted) {
    const clock = p.clocks.marketClock(ticker);
    const book = p.books.get(ticker);
    markets[ticker] = {
      hasSnapshot: book !== undefined && !book.unquotableReasons.includes('not_snapshotted'),
      isStale: clock?.isStale ?? false,
      isQuotable: book?.isQuotable ?? false,
      lastDataAtMs: clock?.lastDataAtMs ?? null,
    };
  }
  return {
    socket: p.socket,
    connectedAtMs: p.connectedAtMs,
    lastFrameAtMs: p.clocks.lastFrameAt === 0 ? null : p.clocks.lastFrameAt,
    reconnects: p.reconnects,
    failedAttempts: p.failedAttempts,
    channels: fillChannels(channels),
    markets,
    rejectedFrames: p.rejectedFrames,
    ledgerErrors: p.ledgerErrors,
  };
}

/** Channels not subscribed by this stream (options) report as never subscribed. */
function fillChannels(
  partial: Partial<Record<StreamChannel, ChannelState>>,
): Record<StreamChannel, ChannelState> {
  const none: ChannelState = { sid: null, lastSeq: null, lastDataAtMs: null, isStale: false };
  return {
    orderbook_delta: partial.orderbook_delta ?? none,
    trade: partial.trade ?? none,
    ticker: partial.ticker ?? none,
    fill: partial.fill ?? none,
    user_orders: partial.user_orders ?? none,
    market_positions: partial.market_positions ?? none,
    market_lifecycle_v2: partial.market_lifecycle_v2 ?? none,
  };
}
