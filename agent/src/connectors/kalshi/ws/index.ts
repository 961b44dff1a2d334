/**
 * @module
 * Kalshi WebSocket client: signed upgrade, the seven trading channels, per-sid seq with
 * gap → unquotable → re-snapshot, reconnect with capped full-jitter backoff, data-flow liveness,
 * edge validation (hand guards on the hot path, zod elsewhere) and ledger recording.
 *
 * ```ts
 * const stream = new KalshiStream({ wsUrl, credentials, books, ledger, contract, logger });
 * stream.onEvent((e) => { if (e.type === 'reconnected') void reconcile(); });
 * await stream.start();
 * stream.subscribeMarkets(['KXHIGHNY-26JAN01-T37']);
 * stream.state(); // socket + per-channel + per-market liveness
 * await stream.stop();
 * ```
 */
export { KalshiStream } from './kalshi-stream.js';
export { STREAM_CHANNELS, MARKET_CHANNELS } from './types.js';
export { DEFAULT_BACKOFF, fullJitterDelayMs, seededRandom } from './backoff.js';
export { DEFAULT_LIVENESS } from './liveness.js';
export { WS_LEDGER_SOURCE } from './ledger-sink.js';
export type {
  StreamChannel,
  StreamLedger,
  LivenessOptions,
  BackoffOptions,
  KalshiStreamOptions,
  WsFill,
  WsUserOrder,
  WsMarketPosition,
  WsTrade,
  WsTicker,
  WsLifecycle,
  StaleScope,
  StreamEvent,
  SocketStatus,
  ChannelState,
  MarketState,
  StreamState,
  KalshiStreamApi,
} from './types.js';
