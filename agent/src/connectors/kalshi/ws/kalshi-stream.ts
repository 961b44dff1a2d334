/**
 * The Kalshi WebSocket client: one signed connection carrying the seven trading channels, kept
 * alive and honest. Socket lifecycle and timers live here; what a frame means is frame-handler.ts.
 */
import WebSocket from 'ws';
import type { Logger } from 'pino';
import type { MarketTicker } from '@pt/protocol';
import type { BookRegistry } from '../book/index.js';
import { signKalshiRequest } from '../http/index.js';
import { DEFAULT_BACKOFF, fullJitterDelayMs } from './backoff.js';
import { FrameHandler } from './frame-handler.js';
import { LedgerSink } from './ledger-sink.js';
import { DEFAULT_LIVENESS, LivenessTracker } from './liveness.js';
import { SeqTracker } from './seq-tracker.js';
import { Subscriptions, type WsCommand } from './subscriptions.js';
import { buildStreamState } from './stream-state.js';
import {
  STREAM_CHANNELS,
  type BackoffOptions,
  type KalshiStreamApi,
  type KalshiStreamOptions,
  type LivenessOptions,
  type SocketStatus,
  type StreamEvent,
  type StreamState,
} from './types.js';

/** Kalshi documents frames up to 64 MiB (UNCONFIRMED); more than that is not a frame we want. */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
const CLOSE_WAIT_MS = 1_000;

function frameText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class KalshiStream implements KalshiStreamApi {
  private readonly nowMs: () => number;
  private readonly random: () => number;
  private readonly liveness: LivenessOptions;
  private readonly backoff: BackoffOptions;
  private readonly logger: Logger;
  private readonly books: BookRegistry;
  private readonly subs: Subscriptions;
  private readonly seq = new SeqTracker();
  private readonly clocks: LivenessTracker;
  private readonly ledger: LedgerSink;
  private readonly handler: FrameHandler;
  private readonly listeners = new Set<(event: StreamEvent) => void>();

  private socket: WebSocket | null = null;
  private status: SocketStatus = 'idle';
  private connectedAtMs: number | null = null;
  private downSinceMs: number | null = null;
  private hasConnected = false;
  private reconnects = 0;
  private failedAttempts = 0;
  private awaitingAcks = new Set<number>();
  private pendingReconnect: { attempt: number; downMs: number } | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private firstOpen: Promise<void> | null = null;
  private resolveFirstOpen: (() => void) | null = null;

  constructor(private readonly options: KalshiStreamOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.random = options.random ?? Math.random;
    this.liveness = { ...DEFAULT_LIVENESS, ...options.liveness };
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.logger = options.logger;
    this.books = options.books;
    const channels = STREAM_CHANNELS.filter(
      (c) =>
        (options.hasAccountChannels !== false || !['fill', 'user_orders', 'market_positions'].includes(c)) &&
        (options.hasLifecycle !== false || c !== 'market_lifecycle_v2'),
    );
    this.subs = new Subscriptions(channels, (command) => this.send(command));
    this.clocks = new LivenessTracker(this.liveness);
    this.ledger = new LedgerSink(options.ledger, this.logger);
    this.handler = new FrameHandler({
      subs: this.subs,
      seq: this.seq,
      books: this.books,
      liveness: this.clocks,
      ledger: this.ledger,
      contract: options.contract,
      logger: this.logger,
      nowMs: this.nowMs,
      emit: (event) => this.emit(event),
      onSubscribeAnswered: (id) => this.onSubscribeAnswered(id),
    });
  }

  start(): Promise<void> {
    if (this.status === 'stopped') return Promise.reject(new Error('KalshiStream: start() after stop()'));
    if (this.firstOpen !== null) return this.firstOpen;
    this.firstOpen = new Promise((resolve) => (this.resolveFirstOpen = resolve));
    this.checkTimer = setInterval(() => this.checkLiveness(), this.liveness.checkIntervalMs);
    this.connect();
    return this.firstOpen;
  }

  async stop(): Promise<void> {
    if (this.status === 'stopped') return;
    this.status = 'stopped';
    for (const timer of [this.reconnectTimer, this.checkTimer, this.pingTimer])
      if (timer !== null) clearTimeout(timer);
    this.handler.reset();
    this.resolveFirstOpen?.();
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) await closeSocket(socket);
    this.books.markAllUnquotable('disconnected');
    await this.ledger.drain();
  }

  subscribeMarkets(tickers: readonly MarketTicker[]): void {
    const nowMs = this.nowMs();
    for (const ticker of tickers) {
      if (this.subs.wanted.has(ticker)) continue;
      this.subs.wanted.add(ticker);
      this.books.ensure(ticker);
      this.clocks.trackMarket(ticker, nowMs);
    }
    if (this.status === 'open') this.subs.syncAll();
  }

  unsubscribeMarkets(tickers: readonly MarketTicker[]): void {
    for (const ticker of tickers) {
      if (!this.subs.wanted.delete(ticker)) continue;
      this.clocks.untrackMarket(ticker);
      this.books.get(ticker)?.reset();
      this.books.delete(ticker);
      this.emit({ type: 'book_changed', marketTicker: ticker, isQuotable: false });
    }
    if (this.status === 'open') this.subs.syncAll();
  }

  onEvent(listener: (event: StreamEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): StreamState {
    return buildStreamState({
      socket: this.status,
      connectedAtMs: this.connectedAtMs,
      reconnects: this.reconnects,
      failedAttempts: this.failedAttempts,
      rejectedFrames: this.handler.rejectedFrames,
      ledgerErrors: this.ledger.errors,
      channels: this.subs.channels,
      wanted: this.subs.wanted,
      subs: this.subs,
      seq: this.seq,
      clocks: this.clocks,
      books: this.books,
    });
  }

  private connect(): void {
    if (this.status === 'stopped') return;
    this.status = 'connecting';
    // Re-signed on every attempt: the timestamp is part of the signature and goes stale.
    const path = new URL(this.options.wsUrl).pathname;
    const headers = signKalshiRequest(this.options.credentials, 'GET', path, this.nowMs());
    const ws = new WebSocket(this.options.wsUrl, {
      headers: { ...headers },
      // Off on purpose: on loopback deflate costs ~10x the ingest throughput, compression is
      // optional on Kalshi, and book deltas are small frames that compress poorly anyway.
      perMessageDeflate: false,
      handshakeTimeout: this.backoff.connectTimeoutMs,
      maxPayload: MAX_PAYLOAD_BYTES,
    });
    this.socket = ws;
    ws.on('open', () => this.onOpen(ws));
    ws.on('message', (data) => {
      if (ws !== this.socket) return;
      this.clocks.frame(this.nowMs());
      this.handler.handle(frameText(data));
    });
    ws.on('ping', () => this.clocks.frame(this.nowMs()));
    ws.on('pong', () => this.clocks.frame(this.nowMs()));
    ws.on('error', (error) => this.logger.warn({ err: error }, 'ws error'));
    ws.on('close', (code, reason) => this.onClose(ws, code, reason.toString('utf8')));
  }

  private onOpen(ws: WebSocket): void {
    if (ws !== this.socket) return;
    const nowMs = this.nowMs();
    this.status = 'open';
    this.connectedAtMs = nowMs;
    if (this.hasConnected) {
      this.pendingReconnect = { attempt: this.failedAttempts, downMs: nowMs - (this.downSinceMs ?? nowMs) };
    }
    this.hasConnected = true;
    this.downSinceMs = null;
    // A new connection: sids and seqs restart, every book waits for its new snapshot.
    this.seq.reset();
    this.subs.reset();
    this.handler.reset();
    this.books.clearSids();
    this.clocks.restart(nowMs);
    this.awaitingAcks = new Set(this.subs.syncAll());
    // ws.ping() throws once the socket is closing; the interval can fire before 'close' arrives.
    this.pingTimer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, this.liveness.pingIntervalMs);
    this.logger.info({ url: this.options.wsUrl, subscribes: this.awaitingAcks.size }, 'ws open');
    this.resolveFirstOpen?.();
    if (this.awaitingAcks.size === 0) this.onAllSubscribed();
  }

  private onSubscribeAnswered(id: number): void {
    if (!this.awaitingAcks.delete(id) || this.awaitingAcks.size > 0) return;
    this.onAllSubscribed();
  }

  /**
   * Every channel answered. Only now is a reconnect announced: the account channels are live
   * again, so a REST reconciliation started now covers everything the outage hid.
   */
  private onAllSubscribed(): void {
    this.failedAttempts = 0;
    const reconnect = this.pendingReconnect;
    this.pendingReconnect = null;
    if (reconnect === null) return;
    this.reconnects += 1;
    this.logger.info(reconnect, 'ws reconnected and resubscribed; reconcile over REST');
    this.emit({ type: 'reconnected', ...reconnect });
  }

  private onClose(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.socket) return;
    this.socket = null;
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.connectedAtMs = null;
    this.books.markAllUnquotable('disconnected');
    for (const book of this.books.values())
      this.emit({ type: 'book_changed', marketTicker: book.ticker, isQuotable: false });
    if (this.status === 'stopped') return;
    this.downSinceMs ??= this.nowMs();
    this.logger.warn({ code, reason, failedAttempts: this.failedAttempts }, 'ws closed; reconnecting');
    this.emit({ type: 'disconnected', code, reason });
    const delayMs = fullJitterDelayMs(this.failedAttempts, this.backoff, this.random);
    this.failedAttempts += 1;
    this.status = 'backoff';
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs);
  }

  private checkLiveness(): void {
    const ws = this.socket;
    if (this.status !== 'open' || ws === null) return;
    const nowMs = this.nowMs();
    const verdict = this.clocks.check(nowMs);
    if (verdict.isSocketDead)
      return this.forceReconnect(ws, 'no frame (data, ping or pong) within the socket timeout');
    // A venue that accepts the socket but never answers the subscribes must not leave us
    // connected, "up" and deaf.
    if (
      this.awaitingAcks.size > 0 &&
      nowMs - (this.connectedAtMs ?? nowMs) >= this.backoff.connectTimeoutMs
    ) {
      return this.forceReconnect(ws, `${this.awaitingAcks.size} subscribe command(s) unanswered`);
    }
    if (verdict.probe.length > 0) {
      const id = this.subs.requestSnapshots(verdict.probe);
      if (id !== null) {
        this.handler.markProbe(id);
        this.clocks.probeSent(verdict.probe, nowMs);
      }
    }
    for (const ticker of verdict.staleMarkets) {
      const book = this.books.get(ticker);
      book?.markUnquotable('stale');
      this.emit({ type: 'book_changed', marketTicker: ticker, isQuotable: false });
      this.emit({
        type: 'stale',
        scope: { kind: 'market', marketTicker: ticker },
        reason: 'no book data and no answer to a snapshot probe',
      });
    }
    for (const channel of verdict.staleChannels) {
      this.emit({
        type: 'stale',
        scope: { kind: 'channel', channel },
        reason: 'no data within the channel timeout',
      });
    }
    const isStale = verdict.staleMarkets.length + verdict.staleChannels.length > 0;
    if (isStale && this.liveness.isReconnectOnStale)
      this.forceReconnect(ws, 'data stale while the socket is up (silent stall)');
  }

  private forceReconnect(ws: WebSocket, reason: string): void {
    this.logger.warn({ reason }, 'ws forced reconnect');
    this.emit({ type: 'stale', scope: { kind: 'socket' }, reason });
    ws.terminate();
  }

  private send(command: WsCommand): void {
    const ws = this.socket;
    if (ws === null || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(command));
  }

  private emit(event: StreamEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, event: event.type }, 'stream listener threw (ignored)');
      }
    }
  }
}

/** Polite close, then terminate if the peer does not answer the close handshake in time. */
function closeSocket(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), CLOSE_WAIT_MS);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else ws.close(1000, 'client stop');
  });
}
