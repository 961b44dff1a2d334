/**
 * One stream socket, from upgrade to close. Handshake: `auth` first (within the timeout, nothing
 * else is read before it) → `auth.accepted` → the client's `hello` → the agent's `hello` (with the
 * environment) or `incompatible` + close. Then `subscribe` / `unsubscribe` / `resync`.
 */
import type { Logger } from 'pino';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import { AuthMessage, PROTOCOL_VERSION, checkCompatibility } from '@pt/protocol';
import type { ClientMessage, ErrorBody, ServerMessage, TradingEnvironment } from '@pt/protocol';
import type { AuthenticatedDevice, TokenVerifier } from '../../auth/types.js';
import { decodeJson, errorMessage, parseClientMessage, requestIdOf } from './client-frames.js';
import { StreamCloseCode } from './close-codes.js';
import type { StreamHub, StreamSink } from './hub.js';
import { MessageRate } from './message-rate.js';
import { SocketSubscriptions } from './socket-subscriptions.js';

export interface ConnectionDeps {
  readonly hub: StreamHub;
  readonly verifier: TokenVerifier;
  readonly environment: () => TradingEnvironment;
  readonly agentVersion: string;
  readonly logger: Logger;
  /** For `auth` after the upgrade, and again for `hello` after `auth.accepted`. */
  readonly authTimeoutMs: number;
  readonly messagesPerSecond: number;
  readonly maxStreamsPerSocket: number;
  /** After a close frame, how long the peer gets to answer before the socket is cut. */
  readonly closeGraceMs: number;
  readonly onClosed: (connection: StreamConnection) => void;
}

type Phase = 'auth' | 'hello' | 'ready' | 'closed';

/** Heartbeats a socket may miss before it is cut. */
const MAX_MISSED_PONGS = 2;

export class StreamConnection implements StreamSink {
  private phase: Phase = 'auth';
  private device: AuthenticatedDevice | null = null;
  private missedPongs = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly rate: MessageRate;
  private readonly subs: SocketSubscriptions;

  constructor(
    private readonly ws: WebSocket,
    /** The Origin the upgrade came from (already allow-listed by the guard). */
    private readonly origin: string,
    private readonly d: ConnectionDeps,
  ) {
    this.rate = new MessageRate(d.messagesPerSecond);
    this.subs = new SocketSubscriptions(
      d.hub,
      this,
      { reply: (message) => this.reply(message), sendFrame: (frame) => this.send(frame) },
      d.maxStreamsPerSocket,
    );
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.missedPongs = 0;
    });
    ws.on('error', (err) => d.logger.debug({ err }, 'stream socket error'));
    ws.on('close', () => this.onClose());
    this.timer = setTimeout(() => this.refuseAuth(null, 'auth: no auth message in time'), d.authTimeoutMs);
  }

  get deviceId(): string | null {
    return this.device?.deviceId ?? null;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(frame: Buffer): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame, { binary: false });
  }

  dropSlow(): void {
    this.d.logger.warn({ deviceId: this.deviceId }, 'stream socket too far behind; closing it');
    this.close(StreamCloseCode.SLOW_CONSUMER, 'slow consumer: reconnect and resync');
  }

  /** One heartbeat tick: ping, or cut a socket that missed too many pongs. */
  heartbeat(): void {
    if (this.missedPongs >= MAX_MISSED_PONGS) {
      this.d.logger.info({ deviceId: this.deviceId }, 'stream socket missed its pongs; terminating');
      this.ws.terminate();
      return;
    }
    this.missedPongs += 1;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  /** Sends a close frame; a peer that does not answer within the grace is cut. */
  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    clearTimeout(this.timer);
    this.subs.clear();
    this.ws.close(code, reason);
    this.timer = setTimeout(() => this.ws.terminate(), this.d.closeGraceMs);
    this.timer.unref();
  }

  private onClose(): void {
    this.phase = 'closed';
    clearTimeout(this.timer);
    this.subs.clear();
    this.d.onClosed(this);
  }

  private reply(message: ServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.phase === 'closed') return;
    const verdict = this.rate.take();
    if (verdict !== 'accept') {
      this.onOverRate(verdict);
      return;
    }
    const json = decodeJson(data, isBinary);
    if (this.phase === 'auth') {
      this.authenticate(json.ok ? json.value : undefined);
      return;
    }
    if (!json.ok) {
      this.reply(errorMessage(null, json.error));
      return;
    }
    const parsed = parseClientMessage(json.value);
    if (!parsed.ok) {
      this.reply(errorMessage(requestIdOf(json.value), parsed.error));
      return;
    }
    if (this.phase === 'hello') this.greet(parsed.value);
    else this.dispatch(parsed.value);
  }

  private onOverRate(verdict: 'refuse' | 'refuse-first' | 'abuse'): void {
    if (verdict === 'abuse') {
      this.d.logger.warn({ deviceId: this.deviceId }, 'stream socket kept over the message rate; closing it');
      this.close(StreamCloseCode.RATE_LIMITED, 'message rate limit');
    } else if (verdict === 'refuse-first') {
      const message = `(root): over ${this.d.messagesPerSecond} messages per second; message dropped`;
      this.reply(errorMessage(null, { code: 'RATE_LIMITED', message, retryable: true }));
    }
  }

  private authenticate(value: unknown): void {
    const parsed = AuthMessage.safeParse(value);
    if (!parsed.success) {
      this.refuseAuth(requestIdOf(value), 'type: the first message must be auth');
      return;
    }
    let device: AuthenticatedDevice | null;
    try {
      device = this.d.verifier.verify(parsed.data.token);
    } catch (err) {
      this.d.logger.error({ err }, 'token verification failed');
      device = null;
    }
    const requestId = parsed.data.requestId ?? null;
    if (device === null) {
      this.refuseAuth(requestId, 'token: unknown, revoked or expired');
    } else if (device.origin !== this.origin) {
      this.refuseAuth(requestId, 'token: paired from another origin');
    } else {
      this.device = device;
      this.phase = 'hello';
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.close(StreamCloseCode.HANDSHAKE_TIMEOUT, 'no hello in time');
      }, this.d.authTimeoutMs);
      this.d.logger.info({ deviceId: device.deviceId }, 'stream socket authenticated');
      this.reply({ type: 'auth.accepted' });
    }
  }

  private refuseAuth(requestId: string | null, message: string): void {
    this.d.logger.warn({ reason: message }, 'stream authentication refused');
    this.reply(errorMessage(requestId, { code: 'UNAUTHORIZED', message, retryable: false }));
    this.close(StreamCloseCode.UNAUTHORIZED, 'unauthorized');
  }

  private greet(message: ClientMessage): void {
    if (message.type !== 'hello') {
      const error = this.outOfOrder(`type: expected hello after auth.accepted, got ${message.type}`);
      this.reply(errorMessage(message.requestId ?? null, error));
      this.close(StreamCloseCode.PROTOCOL_ERROR, 'hello expected');
      return;
    }
    clearTimeout(this.timer);
    const reason = checkCompatibility(
      { role: 'agent', protocolVersion: PROTOCOL_VERSION },
      message.protocolVersion,
    );
    if (reason !== null) {
      this.reply({ type: 'incompatible', reason, agentProtocolVersion: PROTOCOL_VERSION });
      this.close(StreamCloseCode.INCOMPATIBLE, reason);
      return;
    }
    this.phase = 'ready';
    this.reply({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      agentVersion: this.d.agentVersion,
      environment: this.d.environment(),
      streamEpoch: this.d.hub.epoch,
    });
  }

  private dispatch(message: ClientMessage): void {
    let error: ErrorBody | null = null;
    switch (message.type) {
      case 'auth':
      case 'hello':
        error = this.outOfOrder(`type: ${message.type} was already done on this socket`);
        break;
      case 'subscribe':
        error = this.subs.subscribe(message);
        break;
      case 'unsubscribe':
        this.subs.unsubscribe(message);
        break;
      case 'resync':
        error = this.subs.resync(message);
        break;
    }
    if (error !== null)
      this.reply(errorMessage('requestId' in message ? (message.requestId ?? null) : null, error));
  }

  private outOfOrder(message: string): ErrorBody {
    return { code: 'BAD_REQUEST', message, details: { field: 'type' }, retryable: false };
  }
}
