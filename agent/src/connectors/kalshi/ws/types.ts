import type { Logger } from 'pino';
import type { CountE2, MarketTicker, MoneyE6, PriceE4 } from '@pt/protocol';
import type { BookRegistry } from '../book/index.js';
import type { ContractMonitor } from '../contract/contract-monitor.js';
import type { KalshiCredentials } from '../credentials.js';
import type { LedgerAppendOutcome, LedgerEventInput } from '../../../store/index.js';

/**
 * Public types of the Kalshi WebSocket client (`KalshiStream`). Every domain value is a
 * fixed-point integer (PriceE4, CountE2, MoneyE6); wire strings never leave `ws/`.
 */

/** The channels the stream subscribes (kalshi-api.md §4.3). */
export const STREAM_CHANNELS = [
  'orderbook_delta',
  'trade',
  'ticker',
  'fill',
  'user_orders',
  'market_positions',
  'market_lifecycle_v2',
] as const;
export type StreamChannel = (typeof STREAM_CHANNELS)[number];

/** Channels that take a market list (`update_subscription` add/delete_markets applies to them). */
export const MARKET_CHANNELS = ['orderbook_delta', 'trade', 'ticker'] as const;

/** The part of the store's ledger the stream writes to. */
export interface StreamLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
}

export interface LivenessOptions {
  /** No data frame on a subscribed channel for this long → that channel is stale. */
  channelTimeoutMs: Partial<Record<StreamChannel, number>>;
  /** No orderbook frame for a subscribed market for this long → that market's book is stale. */
  marketTimeoutMs: number;
  /**
   * A market with no book frame for this long is probed with `get_snapshot` (a quiet market and a
   * stalled feed look the same until asked; the venue answers a probe with a data frame).
   */
  quietProbeMs: number;
  /** No frame at all (data, ping, pong, reply) for this long → the socket is dead. */
  socketTimeoutMs: number;
  /** The client pings this often (the venue also pings every 10 s). */
  pingIntervalMs: number;
  /** How often the timers are checked. */
  checkIntervalMs: number;
  /** A stale channel or market forces a reconnect (a silent stall is not cured by waiting). */
  isReconnectOnStale: boolean;
}

export interface BackoffOptions {
  /** First retry waits up to this (full jitter: uniform in [0, cap]). */
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** Handshake timeout per attempt (a hung upgrade must not hang the stream). */
  connectTimeoutMs: number;
}

export interface KalshiStreamOptions {
  /** `wss://…/trade-api/ws/v2` (the signed path is taken from it). */
  wsUrl: string;
  credentials: KalshiCredentials;
  /** K2's registry: the stream binds books to sids, applies snapshots/deltas, marks them unquotable. */
  books: BookRegistry;
  ledger: StreamLedger;
  contract: ContractMonitor;
  logger: Logger;
  nowMs?: () => number;
  /** Uniform [0,1) source for backoff jitter; inject a seeded one in tests. */
  random?: () => number;
  liveness?: Partial<LivenessOptions>;
  backoff?: Partial<BackoffOptions>;
  /** Subscribe the account channels (fill, user_orders, market_positions). Default true. */
  hasAccountChannels?: boolean;
  /** Subscribe market_lifecycle_v2 (all markets). Default true. */
  hasLifecycle?: boolean;
}

export interface WsFill {
  tradeId: string;
  orderId: string;
  clientOrderId: string | null;
  marketTicker: MarketTicker;
  /** `bid` = bought YES / `ask` = sold YES (V2 book side). */
  bookSide: 'bid' | 'ask';
  outcomeSide: 'yes' | 'no';
  isTaker: boolean;
  yesPriceE4: PriceE4;
  countE2: CountE2;
  feeE6: MoneyE6;
  /** Signed position after the fill, if the venue says. */
  postPositionE2: number | null;
  tsMs: number;
}

export interface WsUserOrder {
  orderId: string;
  clientOrderId: string | null;
  marketTicker: MarketTicker;
  status: 'resting' | 'canceled' | 'executed' | 'unknown';
  bookSide: 'bid' | 'ask';
  outcomeSide: 'yes' | 'no';
  yesPriceE4: PriceE4;
  fillCountE2: CountE2;
  remainingCountE2: CountE2;
  initialCountE2: CountE2;
  lastUpdateReason: string | null;
  /** The venue's last update time, else creation time. */
  updatedTsMs: number;
}

export interface WsMarketPosition {
  marketTicker: MarketTicker;
  /** Signed: positive = YES contracts, negative = NO. */
  positionE2: number;
  positionCostE6: MoneyE6;
  realizedPnlE6: number;
  feesPaidE6: MoneyE6;
}

export interface WsTrade {
  tradeId: string;
  marketTicker: MarketTicker;
  yesPriceE4: PriceE4;
  countE2: CountE2;
  takerSide: 'yes' | 'no';
  tsMs: number;
}

export interface WsTicker {
  marketTicker: MarketTicker;
  lastPriceE4: PriceE4;
  yesBidE4: PriceE4;
  yesAskE4: PriceE4;
  volumeE2: CountE2;
  openInterestE2: CountE2;
  tsMs: number;
}

export interface WsLifecycle {
  /** `market_lifecycle_v2` event_type, or `event_lifecycle` / `event_fee_update`. */
  eventType: string;
  marketTicker: MarketTicker | null;
  eventTicker: string | null;
  /** The venue message as received (for the ledger and rare fields). */
  raw: Record<string, unknown>;
}

export type StaleScope =
  | { kind: 'socket' }
  | { kind: 'channel'; channel: StreamChannel }
  | { kind: 'market'; marketTicker: MarketTicker };

/** Events out of the stream. Listeners must not throw (a throw is logged and ignored). */
export type StreamEvent =
  | { type: 'fill'; fill: WsFill }
  | { type: 'order_update'; order: WsUserOrder }
  | { type: 'position'; position: WsMarketPosition }
  | { type: 'lifecycle'; lifecycle: WsLifecycle }
  | { type: 'trade'; trade: WsTrade }
  | { type: 'ticker'; ticker: WsTicker }
  /** The book of a market changed (snapshot or delta) or its quotability changed. */
  | { type: 'book_changed'; marketTicker: MarketTicker; isQuotable: boolean }
  | { type: 'stale'; scope: StaleScope; reason: string }
  /** A seq gap on a sid: its books are unquotable until fresh snapshots arrive. */
  | { type: 'gap'; channel: StreamChannel; sid: number; expectedSeq: number; gotSeq: number }
  | { type: 'disconnected'; code: number; reason: string }
  /**
   * The socket is back and every subscription was re-made. fill/user_order/market_position have
   * no seq, so the connector MUST reconcile orders, fills and positions over REST now.
   */
  | { type: 'reconnected'; attempt: number; downMs: number };

export type SocketStatus = 'idle' | 'connecting' | 'open' | 'backoff' | 'stopped';

export interface ChannelState {
  sid: number | null;
  lastSeq: number | null;
  lastDataAtMs: number | null;
  isStale: boolean;
}

export interface MarketState {
  hasSnapshot: boolean;
  isStale: boolean;
  isQuotable: boolean;
  lastDataAtMs: number | null;
}

export interface StreamState {
  socket: SocketStatus;
  connectedAtMs: number | null;
  lastFrameAtMs: number | null;
  /** Successful reconnects since start. */
  reconnects: number;
  /** Consecutive failed attempts of the current outage. */
  failedAttempts: number;
  channels: Record<StreamChannel, ChannelState>;
  markets: Record<string, MarketState>;
  /** Frames dropped by the edge guards (contract violations). */
  rejectedFrames: number;
  /** Ledger appends that failed (the events are recovered by REST reconciliation). */
  ledgerErrors: number;
}

/** The surface of `KalshiStream` (the class in kalshi-stream.ts implements it). */
export interface KalshiStreamApi {
  /**
   * Connects (signed upgrade) and subscribes every channel. Resolves once the socket is open and
   * the subscribe commands are sent; never rejects for venue trouble (it keeps retrying with
   * backoff and reports through `state()` / events); rejects only if already stopped.
   */
  start(): Promise<void>;
  /** Closes the socket, cancels timers and retries. Idempotent. */
  stop(): Promise<void>;
  /** Adds markets to orderbook_delta, trade and ticker (update_subscription add_markets). */
  subscribeMarkets(tickers: readonly MarketTicker[]): void;
  /** Removes markets (delete_markets); their books are marked unquotable. */
  unsubscribeMarkets(tickers: readonly MarketTicker[]): void;
  /** Registers a listener; returns the unsubscribe function. */
  onEvent(listener: (event: StreamEvent) => void): () => void;
  state(): StreamState;
}
