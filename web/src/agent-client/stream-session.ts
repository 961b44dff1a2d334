/**
 * One logical connection to the agent's stream, across reconnects: `auth` as the first message
 * (never a token in the URL) → `hello` with the protocol version → `subscribe`; per-stream seq
 * with gap → `resync`; a new stream epoch (agent restart, environment switch) reloads everything;
 * reconnect with backoff, except when the agent said the token or the version is no good.
 * Transport-agnostic: the socket and the parser are injected (a browser WebSocket and
 * parseInbound in the worker; fakes in tests).
 */
import { MarketTicker, PROTOCOL_VERSION, marketStream } from '@pt/protocol';
import type { ClientMessage, ServerEvent, ServerMessage, StreamName } from '@pt/protocol';
import { backoffDelayMs } from './backoff.js';
import type { InboundResult } from './inbound.js';
import { SeqTracker } from './seq-tracker.js';
import type {
  ConnectionState,
  ConnectionStatus,
  StreamListener,
  StreamStartOptions,
} from './stream-types.js';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(code: number, reason: string): void;
}
export interface SocketLike {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}
export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface StreamSessionDeps {
  readonly openSocket: OpenSocket;
  readonly parse: (text: string) => InboundResult;
  readonly listener: StreamListener;
  readonly timers?: Timers;
  readonly backoff?: (attempt: number) => number;
}

/** Close codes after which reconnecting cannot help (agent/src/api/stream/close-codes.ts). */
const TERMINAL_CLOSES: Readonly<Record<number, { state: ConnectionState; detail: string }>> = {
  4400: { state: 'incompatible', detail: 'the agent refused a message out of order: reload the page' },
  4401: { state: 'unauthorized', detail: 'the agent refused this browser’s token: pair again' },
  4403: { state: 'unauthorized', detail: 'this browser was unpaired in the agent: pair again' },
  4426: { state: 'incompatible', detail: 'the agent speaks another protocol version: reload the page' },
};
const ENVIRONMENT_CHANGED = 4205;

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export class StreamSession {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private epoch: string | null = null;
  private retryTimer: unknown = null;
  private isStopped = false;
  private isOpen = false;
  /** Markets whose stream (`market:<TICKER>`) this session wants, kept across reconnects. */
  private tickers: ReadonlySet<string> = new Set();
  private environment: ConnectionStatus['environment'] = null;
  private readonly seqs = new SeqTracker();
  private readonly timers: Timers;
  private readonly backoff: (attempt: number) => number;

  constructor(
    private readonly options: StreamStartOptions,
    private readonly deps: StreamSessionDeps,
  ) {
    this.timers = deps.timers ?? defaultTimers;
    this.backoff = deps.backoff ?? ((attempt) => backoffDelayMs(attempt));
  }

  start(): void {
    this.isStopped = false;
    this.connect();
  }

  /**
   * The markets to follow (book snapshot, then deltas): subscribes the new ones, unsubscribes the
   * dropped ones (and forgets their seq). Applied again on every (re)connect.
   */
  setTickers(tickers: readonly string[]): void {
    const next = new Set(tickers.filter((ticker) => MarketTicker.safeParse(ticker).success));
    const added = [...next].filter((t) => !this.tickers.has(t));
    const removed = [...this.tickers].filter((t) => !next.has(t));
    this.tickers = next;
    for (const ticker of removed) this.seqs.forget(marketStream(MarketTicker.parse(ticker)));
    if (!this.isOpen) return;
    if (added.length > 0) this.send({ type: 'subscribe', streams: [], tickers: this.tickerList(added) });
    if (removed.length > 0)
      this.send({ type: 'unsubscribe', streams: [], tickers: this.tickerList(removed) });
  }

  private tickerList(tickers: readonly string[]): MarketTicker[] {
    return tickers.map((ticker) => MarketTicker.parse(ticker));
  }

  stop(): void {
    this.isStopped = true;
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.isOpen = false;
    socket?.close(1000, 'client stopped');
    this.status('stopped', 'stopped', null);
  }

  private connect(): void {
    this.retryTimer = null;
    this.status(
      'connecting',
      this.attempt === 0 ? 'connecting to the agent' : 'reconnecting to the agent',
      null,
    );
    let socket: SocketLike | null = null;
    const isCurrent = (): boolean => socket !== null && this.socket === socket;
    socket = this.deps.openSocket(this.options.url, {
      onOpen: () => {
        if (isCurrent()) this.send({ type: 'auth', token: this.options.token });
      },
      onMessage: (text) => {
        if (isCurrent()) this.onFrame(text);
      },
      onClose: (code, reason) => {
        if (isCurrent()) this.onClose(code, reason);
      },
    });
    this.socket = socket;
  }

  private send(message: ClientMessage): void {
    this.socket?.send(JSON.stringify(message));
  }

  private onFrame(text: string): void {
    const parsed = this.deps.parse(text);
    if (!parsed.ok) {
      this.deps.listener.onAgentError({
        code: 'BAD_REQUEST',
        message: `agent frame: ${parsed.error}`,
        retryable: false,
      });
      return;
    }
    this.onMessage(parsed.message);
  }

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'auth.accepted':
        this.send({
          type: 'hello',
          protocolVersion: PROTOCOL_VERSION,
          clientVersion: this.options.clientVersion,
        });
        return;
      case 'hello':
        this.onHello(message);
        return;
      case 'incompatible':
        // The close (4426) follows; it ends the session.
        return;
      case 'subscribed':
        for (const { stream, seq } of message.streams) this.onSubscribed(stream, seq);
        return;
      case 'stream.reset':
        this.seqs.reset(message.stream, message.seq);
        this.deps.listener.onReload(message.stream);
        return;
      case 'error':
        this.deps.listener.onAgentError(message.error);
        return;
      case 'book.snapshot':
      case 'book.delta':
      case 'market.updated':
      case 'order.updated':
      case 'fill.created':
      case 'position.updated':
      case 'balance.updated':
      case 'trading_state.changed':
      case 'activity.appended':
      case 'health.changed':
      case 'flatten.progressed':
        this.onEvent(message);
        return;
    }
  }

  private onHello(hello: Extract<ServerMessage, { type: 'hello' }>): void {
    if (this.epoch !== hello.streamEpoch) this.seqs.clear();
    this.epoch = hello.streamEpoch;
    this.attempt = 0;
    this.environment = hello.environment;
    this.deps.listener.onHello(hello);
    this.status('open', `connected (${hello.environment})`, null);
    // After a new epoch nothing we hold is numbered like the agent's streams: the tracker was
    // cleared, so `subscribed` answers `fresh` and each stream reloads from REST.
    this.isOpen = true;
    this.send({
      type: 'subscribe',
      streams: [...this.options.streams],
      tickers: this.tickerList([...this.tickers]),
    });
  }

  private onSubscribed(stream: StreamName, seq: number): void {
    const verdict = this.seqs.subscribed(stream, seq);
    switch (verdict.kind) {
      case 'fresh':
      case 'reload':
        this.deps.listener.onReload(stream);
        return;
      case 'resync':
        this.send({ type: 'resync', stream, fromSeq: verdict.fromSeq });
        return;
      case 'in-step':
        return;
    }
  }

  private onEvent(event: ServerEvent): void {
    const verdict = this.seqs.accept(event.stream, event.seq);
    if (verdict.kind === 'apply') this.deps.listener.onEvent(event);
    else if (verdict.kind === 'gap' && verdict.shouldAsk) {
      this.send({ type: 'resync', stream: event.stream, fromSeq: verdict.fromSeq });
    }
  }

  private onClose(code: number, reason: string): void {
    this.socket = null;
    this.isOpen = false;
    if (this.isStopped) return;
    const terminal = TERMINAL_CLOSES[code];
    if (terminal !== undefined) {
      this.isStopped = true;
      this.status(terminal.state, terminal.detail, null);
      return;
    }
    const delay = code === ENVIRONMENT_CHANGED ? 0 : this.backoff(this.attempt);
    this.attempt += 1;
    const why = code === ENVIRONMENT_CHANGED ? 'the environment changed' : reason || `closed (${code})`;
    this.status('disconnected', `agent disconnected: ${why}`, delay);
    this.retryTimer = this.timers.setTimeout(() => this.connect(), delay);
  }

  private status(state: ConnectionState, detail: string, retryInMs: number | null): void {
    this.deps.listener.onStatus({ state, detail, environment: this.environment, retryInMs });
  }
}
