/**
 * StreamSession against a fake socket (the unit under test is the client): handshake order, no
 * token in the URL, seq gaps → resync, epochs, reconnect with backoff, terminal closes.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@pt/protocol';
import type { ErrorBody, ServerEvent, StreamName } from '@pt/protocol';
import orderFixture from '../../../protocol/src/fixtures/event-order-updated.json';
import helloFixture from '../../../protocol/src/fixtures/server-hello.json';
import { parseInbound } from './inbound.js';
import { StreamSession } from './stream-session.js';
import type { SocketHandlers, Timers } from './stream-session.js';
import type { ConnectionStatus } from './stream-types.js';

const TOKEN = 'A'.repeat(43);
const URL = 'ws://127.0.0.1:4100/v1/stream';

class FakeSocket {
  readonly sent: Record<string, unknown>[] = [];
  closedWith: number | null = null;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(text: string): void {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(code = 1000): void {
    this.closedWith = code;
  }
  /** The agent's side. */
  receive(message: unknown): void {
    this.handlers.onMessage(JSON.stringify(message));
  }
  types(): unknown[] {
    return this.sent.map((m) => m['type']);
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const events: ServerEvent[] = [];
  const reloads: StreamName[] = [];
  const errors: ErrorBody[] = [];
  const pending: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const entry = { fn, ms };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const at = pending.indexOf(handle as (typeof pending)[number]);
      if (at >= 0) pending.splice(at, 1);
    },
  };
  const session = new StreamSession(
    { url: URL, token: TOKEN, streams: ['orders', 'trading_state'], clientVersion: 'web-test' },
    {
      openSocket: (url, handlers) => {
        const socket = new FakeSocket(url, handlers);
        sockets.push(socket);
        return socket;
      },
      parse: parseInbound,
      timers,
      backoff: (attempt) => 100 * 2 ** attempt,
      listener: {
        onStatus: (status) => statuses.push(status),
        onHello: () => undefined,
        onEvent: (event) => events.push(event),
        onBook: () => undefined,
        onReload: (stream) => reloads.push(stream),
        onAgentError: (error) => errors.push(error),
      },
    },
  );
  const socket = (): FakeSocket => {
    const last = sockets.at(-1);
    if (last === undefined) throw new Error('no socket opened');
    return last;
  };
  /** Open, auth, hello, subscribed at the given seqs. */
  const handshake = (epoch: string, seqs: Record<string, number>): FakeSocket => {
    const s = socket();
    s.handlers.onOpen();
    s.receive({ type: 'auth.accepted' });
    s.receive({ ...helloFixture.message, streamEpoch: epoch });
    s.receive({
      type: 'subscribed',
      streams: Object.entries(seqs).map(([stream, seq]) => ({ stream, seq })),
    });
    return s;
  };
  const runTimers = (): number[] => {
    const due = pending.splice(0);
    for (const t of due) t.fn();
    return due.map((t) => t.ms);
  };
  return { session, sockets, statuses, events, reloads, errors, socket, handshake, runTimers };
}

const order = (seq: number) => ({ ...orderFixture.message, seq });

describe('StreamSession', () => {
  it('authenticates by first message (no token in the URL), then hello, then subscribe', () => {
    const h = harness();
    h.session.start();
    const s = h.socket();
    expect(s.url).toBe(URL);
    expect(s.url).not.toContain(TOKEN);
    expect(s.sent).toEqual([]);
    s.handlers.onOpen();
    expect(s.sent).toEqual([{ type: 'auth', token: TOKEN }]);
    s.receive({ type: 'auth.accepted' });
    expect(s.sent[1]).toEqual({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      clientVersion: 'web-test',
    });
    s.receive(helloFixture.message);
    expect(s.sent[2]).toEqual({ type: 'subscribe', streams: ['orders', 'trading_state'], tickers: [] });
    expect(h.statuses.at(-1)).toMatchObject({ state: 'open', environment: 'sim' });
    s.receive({
      type: 'subscribed',
      streams: [
        { stream: 'orders', seq: 11 },
        { stream: 'trading_state', seq: 0 },
      ],
    });
    expect(h.reloads).toEqual(['orders', 'trading_state']);
  });

  it('applies in-order events, drops duplicates, resyncs a gap once and applies the replay', () => {
    const h = harness();
    h.session.start();
    const s = h.handshake('e1', { orders: 11 });
    s.receive(order(12));
    s.receive(order(12));
    s.receive(order(15));
    s.receive(order(16));
    expect(h.events.map((e) => e.seq)).toEqual([12]);
    expect(s.sent.filter((m) => m['type'] === 'resync')).toEqual([
      { type: 'resync', stream: 'orders', fromSeq: 13 },
    ]);
    for (const seq of [13, 14, 15, 16, 17]) s.receive(order(seq));
    expect(h.events.map((e) => e.seq)).toEqual([12, 13, 14, 15, 16, 17]);
  });

  it('stream.reset reloads the stream and continues from its seq', () => {
    const h = harness();
    h.session.start();
    const s = h.handshake('e1', { orders: 11 });
    s.receive(order(30));
    s.receive({ type: 'stream.reset', stream: 'orders', seq: 40, reason: 'too old' });
    expect(h.reloads).toEqual(['orders', 'orders']);
    s.receive(order(41));
    expect(h.events.map((e) => e.seq)).toEqual([41]);
  });

  it('reconnects with backoff after a drop and resyncs what it missed in the same epoch', () => {
    const h = harness();
    h.session.start();
    const first = h.handshake('e1', { orders: 11 });
    first.receive(order(12));
    first.handlers.onClose(1006, '');
    expect(h.statuses.at(-1)).toMatchObject({ state: 'disconnected', retryInMs: 100 });
    expect(h.statuses.at(-1)?.detail).toContain('agent disconnected');
    expect(h.runTimers()).toEqual([100]);
    expect(h.sockets).toHaveLength(2);
    // The second attempt fails before hello: the next delay doubles.
    h.socket().handlers.onClose(1006, '');
    expect(h.runTimers()).toEqual([200]);
    const third = h.handshake('e1', { orders: 15 });
    expect(third.sent.at(-1)).toEqual({ type: 'resync', stream: 'orders', fromSeq: 13 });
    expect(h.reloads).toEqual(['orders']); // only the first subscribe reloaded
    // A success resets the backoff.
    third.handlers.onClose(1006, '');
    expect(h.runTimers()).toEqual([100]);
  });

  it('a new stream epoch (agent restart, environment switch) reloads every stream', () => {
    const h = harness();
    h.session.start();
    const first = h.handshake('e1', { orders: 11 });
    first.handlers.onClose(4205, 'environment changed from sim to demo');
    expect(h.runTimers()).toEqual([0]);
    h.handshake('e2', { orders: 2 });
    expect(h.reloads).toEqual(['orders', 'orders']);
  });

  it.each([
    [4401, 'unauthorized'],
    [4403, 'unauthorized'],
    [4426, 'incompatible'],
  ])('close %i is terminal (%s): no reconnect', (code, state) => {
    const h = harness();
    h.session.start();
    h.socket().handlers.onOpen();
    h.socket().handlers.onClose(code, '');
    expect(h.statuses.at(-1)?.state).toBe(state);
    expect(h.runTimers()).toEqual([]);
    expect(h.sockets).toHaveLength(1);
  });

  it('reports off-schema frames and agent errors, and keeps going', () => {
    const h = harness();
    h.session.start();
    const s = h.handshake('e1', { orders: 11 });
    s.handlers.onMessage('{"type":"order.updated","stream":"orders","seq":12}');
    s.receive({
      type: 'error',
      requestId: null,
      error: { code: 'RATE_LIMITED', message: 'slow down', retryable: true },
    });
    expect(h.errors.map((e) => e.code)).toEqual(['BAD_REQUEST', 'RATE_LIMITED']);
    expect(h.errors[0]?.message).toContain('order');
    s.receive(order(12));
    expect(h.events).toHaveLength(1);
  });

  it('stop closes the socket and never reconnects', () => {
    const h = harness();
    h.session.start();
    const s = h.handshake('e1', { orders: 11 });
    h.session.stop();
    expect(s.closedWith).toBe(1000);
    s.handlers.onClose(1000, '');
    expect(h.runTimers()).toEqual([]);
    expect(h.statuses.at(-1)?.state).toBe('stopped');
  });

  it('follows markets: subscribes and unsubscribes their streams, and again after a reconnect', () => {
    const h = harness();
    h.session.setTickers(['KXHIGHNY-25NOV25-B58.5', 'not a ticker']);
    h.session.start();
    const first = h.handshake('e1', { orders: 1, 'market:KXHIGHNY-25NOV25-B58.5': 0 });
    expect(first.sent.find((m) => m['type'] === 'subscribe')).toMatchObject({
      tickers: ['KXHIGHNY-25NOV25-B58.5'],
    });
    h.session.setTickers(['FED-23DEC-T3.00']);
    expect(first.sent.slice(-2)).toEqual([
      { type: 'subscribe', streams: [], tickers: ['FED-23DEC-T3.00'] },
      { type: 'unsubscribe', streams: [], tickers: ['KXHIGHNY-25NOV25-B58.5'] },
    ]);
    first.handlers.onClose(1006, '');
    h.runTimers();
    const second = h.handshake('e1', { orders: 1 });
    expect(second.sent.find((m) => m['type'] === 'subscribe')).toMatchObject({
      tickers: ['FED-23DEC-T3.00'],
    });
  });
});
