/** What the stream connection tells the app (across the worker boundary: plain, cloneable data). */
import type {
  AccountStream,
  AgentHello,
  ErrorBody,
  OrderBook,
  ServerEvent,
  StreamName,
  TradingEnvironment,
} from '@pt/protocol';

export type ConnectionState =
  | 'connecting' // socket opening or handshaking
  | 'open' // hello done, subscribed
  | 'disconnected' // lost; reconnecting after `retryInMs`
  | 'unauthorized' // token refused or revoked: pair again
  | 'incompatible' // protocol versions differ: reload the page
  | 'stopped'; // closed by the app

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Words for the banner ("agent disconnected: reconnecting in 2 s"). */
  readonly detail: string;
  readonly environment: TradingEnvironment | null;
  readonly retryInMs: number | null;
}

export interface StreamListener {
  onStatus(status: ConnectionStatus): void;
  onHello(hello: AgentHello): void;
  /** An in-order event of a subscribed stream (gaps are resynced before anything later applies). */
  onEvent(event: ServerEvent): void;
  /** A market's whole book, already rebuilt from its snapshot and deltas (the worker does that). */
  onBook(book: OrderBook): void;
  /** Load this stream's state from REST now: first subscribe, `stream.reset`, or a new epoch. */
  onReload(stream: StreamName): void;
  /** An `error` the agent sent, or a frame that failed the schema. */
  onAgentError(error: ErrorBody): void;
}

/** What one tab hears: the stream's reports, plus whether it is the tab that notifies. */
export interface TabListener extends StreamListener {
  /**
   * Whether this tab shows browser notifications for what the stream reports: exactly one tab of
   * the connection does (the first attached; the next when it leaves), so an event notifies once.
   */
  onNotifier(isNotifier: boolean): void;
}

export interface StreamStartOptions {
  /** `ws://127.0.0.1:PORT/v1/stream`; no query string ever (the token goes in the first message). */
  readonly url: string;
  readonly token: string;
  readonly streams: readonly AccountStream[];
  readonly clientVersion: string;
}
