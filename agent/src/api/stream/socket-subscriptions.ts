/**
 * One socket's streams: `subscribe`, `unsubscribe` and `resync` against the hub. Replies go out
 * before any snapshot they cause, so a client always reads `subscribed` / `stream.reset` first and
 * the snapshot's seq right after.
 */
import { marketStream } from '@pt/protocol';
import type {
  ErrorBody,
  ResyncMessage,
  ServerMessage,
  SubscribeMessage,
  UnsubscribeMessage,
} from '@pt/protocol';
import type { StreamHub, StreamSink } from './hub.js';

const MARKET_PREFIX = 'market:';

export interface SubscriptionIo {
  /** A control message for this socket. */
  reply(message: ServerMessage): void;
  /** An already serialised event frame (resync replay). */
  sendFrame(frame: Buffer): void;
}

function selected(message: SubscribeMessage | UnsubscribeMessage): string[] {
  return [...new Set<string>([...message.streams, ...message.tickers.map(marketStream)])];
}

export class SocketSubscriptions {
  private readonly streams = new Set<string>();

  constructor(
    private readonly hub: StreamHub,
    private readonly sink: StreamSink,
    private readonly io: SubscriptionIo,
    private readonly maxStreams: number,
  ) {}

  /** Null when done, or the error to send back. */
  subscribe(message: SubscribeMessage): ErrorBody | null {
    const wanted = selected(message);
    const added = wanted.filter((stream) => !this.streams.has(stream));
    if (this.streams.size + added.length > this.maxStreams) {
      return {
        code: 'VALIDATION_FAILED',
        message: `tickers: at most ${this.maxStreams} streams per socket (${this.streams.size} subscribed)`,
        details: { field: 'tickers' },
        retryable: false,
      };
    }
    const answer = wanted.map((stream) => {
      this.streams.add(stream);
      return { stream, seq: this.hub.subscribe(stream, this.sink) };
    });
    this.io.reply({ type: 'subscribed', streams: answer });
    for (const stream of added) {
      if (stream.startsWith(MARKET_PREFIX)) this.hub.requestSnapshot(stream);
    }
    return null;
  }

  /** No reply: once this returns, no event of those streams reaches the socket. */
  unsubscribe(message: UnsubscribeMessage): void {
    for (const stream of selected(message)) {
      this.streams.delete(stream);
      this.hub.unsubscribe(stream, this.sink);
    }
  }

  resync(message: ResyncMessage): ErrorBody | null {
    if (!this.streams.has(message.stream)) {
      return {
        code: 'BAD_REQUEST',
        message: `stream: not subscribed to ${message.stream}`,
        details: { field: 'stream' },
        retryable: false,
      };
    }
    const result = this.hub.replay(message.stream, message.fromSeq);
    if (result.kind === 'replay') {
      for (const frame of result.frames) this.io.sendFrame(frame);
      return null;
    }
    this.io.reply({ type: 'stream.reset', stream: message.stream, seq: result.seq, reason: result.reason });
    if (message.stream.startsWith(MARKET_PREFIX)) this.hub.requestSnapshot(message.stream);
    return null;
  }

  /** The socket closed: leave every stream. */
  clear(): void {
    this.hub.removeSink(this.sink);
    this.streams.clear();
  }
}
