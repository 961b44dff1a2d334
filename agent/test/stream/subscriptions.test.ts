/** subscribe / unsubscribe / resync over a real socket; malformed messages keep the socket. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarketTicker } from '@pt/protocol';
import type { ServerMessage } from '@pt/protocol';
import type { Harness, TestClient } from './stream-harness.js';
import { readyClient, startHarness, tradingStateEvent } from './stream-harness.js';

const TICKER = MarketTicker.parse('FED-23DEC-T3.00');

function seqOf(message: ServerMessage): number {
  if (!('seq' in message)) throw new Error(`expected an event, got ${message.type}`);
  return message.seq;
}

async function nextSeqs(client: TestClient, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += 1) seqs.push(seqOf(await client.next()));
  return seqs;
}

describe('stream subscriptions', () => {
  let h: Harness;
  let client: TestClient;
  beforeAll(async () => {
    h = await startHarness({ hub: { ringEvents: 5 } });
  });
  afterEach(async () => {
    client.ws.close();
    await client.closed;
  });
  afterAll(async () => {
    await h.close();
  });

  it('subscribed carries the current seq; events follow from seq + 1', async () => {
    h.hub.publish(tradingStateEvent('before'));
    client = await readyClient(h.wsUrl);
    client.send({ type: 'subscribe', streams: ['trading_state', 'orders'], tickers: [] });
    expect(await client.next()).toEqual({
      type: 'subscribed',
      streams: [
        { stream: 'trading_state', seq: 1 },
        { stream: 'orders', seq: 0 },
      ],
    });
    h.hub.publish(tradingStateEvent('a'));
    h.hub.publish(tradingStateEvent('b'));
    expect(await client.next()).toMatchObject({
      type: 'trading_state.changed',
      seq: 2,
      tradingState: { reason: 'a' },
    });
    expect(seqOf(await client.next())).toBe(3);
  });

  it('resync replays from the ring, and resets when the seq is gone or ahead', async () => {
    client = await readyClient(h.wsUrl);
    client.send({ type: 'subscribe', streams: ['trading_state'], tickers: [] });
    const subscribed = await client.next();
    const start = subscribed.type === 'subscribed' ? (subscribed.streams[0]?.seq ?? 0) : -1;
    for (let i = 0; i < 3; i += 1) h.hub.publish(tradingStateEvent(`r${i}`));
    expect(await nextSeqs(client, 3)).toEqual([start + 1, start + 2, start + 3]);

    client.send({ type: 'resync', stream: 'trading_state', fromSeq: start + 2 });
    expect(await nextSeqs(client, 2)).toEqual([start + 2, start + 3]);

    for (let i = 0; i < 5; i += 1) h.hub.publish(tradingStateEvent(`s${i}`));
    await nextSeqs(client, 5);
    const current = h.hub.currentSeq('trading_state');
    client.send({ type: 'resync', stream: 'trading_state', fromSeq: start + 1, requestId: 'x' });
    expect(await client.next()).toMatchObject({
      type: 'stream.reset',
      stream: 'trading_state',
      seq: current,
    });
    client.send({ type: 'resync', stream: 'trading_state', fromSeq: current + 50 });
    expect(await client.next()).toMatchObject({ type: 'stream.reset', seq: current });
  });

  it('resync of a stream the socket did not subscribe is an error naming the field', async () => {
    client = await readyClient(h.wsUrl);
    client.send({ type: 'resync', stream: 'fills', fromSeq: 1, requestId: 'q1' });
    expect(await client.next()).toMatchObject({
      type: 'error',
      requestId: 'q1',
      error: { code: 'BAD_REQUEST', details: { field: 'stream' } },
    });
  });

  it('unsubscribe stops the events at once', async () => {
    client = await readyClient(h.wsUrl);
    client.send({ type: 'subscribe', streams: ['trading_state'], tickers: [] });
    await client.next();
    client.send({ type: 'unsubscribe', streams: ['trading_state'], tickers: [] });
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    await client.next(); // subscribed orders: the unsubscribe before it is done
    h.hub.publish(tradingStateEvent('unseen'));
    client.send({ type: 'subscribe', streams: ['fills'], tickers: [] });
    expect(await client.next()).toMatchObject({ type: 'subscribed', streams: [{ stream: 'fills' }] });
    expect(client.messages).toEqual([]);
  });

  it('a market subscribe answers subscribed first, then the snapshot the book owner publishes', async () => {
    const stream = `market:${TICKER}`;
    const stop = h.hub.onSnapshotWanted((wanted) => {
      h.hub.publish({
        type: 'book.snapshot',
        stream: wanted,
        book: {
          ticker: TICKER,
          yesBids: [],
          noBids: [],
          yesAsks: [],
          noAsks: [],
          isQuotable: true,
          asOfMs: 1,
        },
      });
    });
    client = await readyClient(h.wsUrl);
    client.send({ type: 'subscribe', streams: [], tickers: [TICKER] });
    expect(await client.next()).toEqual({ type: 'subscribed', streams: [{ stream, seq: 0 }] });
    expect(await client.next()).toMatchObject({ type: 'book.snapshot', stream, seq: 1 });
    client.send({ type: 'resync', stream, fromSeq: 40 });
    expect(await client.next()).toMatchObject({ type: 'stream.reset', stream, seq: 1 });
    expect(await client.next()).toMatchObject({ type: 'book.snapshot', stream, seq: 2 });
    stop();
  });

  it('malformed messages get an error naming the field, and the socket stays open', async () => {
    client = await readyClient(h.wsUrl);
    const cases: [unknown, string, string][] = [
      ['not json', 'BAD_REQUEST', '(root)'],
      [{ type: 'subscribe', streams: ['nope'], tickers: [] }, 'VALIDATION_FAILED', 'streams[0]'],
      [{ type: 'subscribe', streams: [] }, 'VALIDATION_FAILED', 'tickers'],
      [{ type: 'launch', requestId: 'm1' }, 'VALIDATION_FAILED', 'type'],
      [{ type: 'resync', stream: 'market:', fromSeq: 1 }, 'VALIDATION_FAILED', 'stream'],
      [{ type: 'resync', stream: 'orders', fromSeq: 0 }, 'VALIDATION_FAILED', 'fromSeq'],
      [{ type: 'auth', token: 'x'.repeat(20) }, 'BAD_REQUEST', 'type'],
    ];
    for (const [message, code, field] of cases) {
      client.send(message);
      const reply = await client.next();
      expect(reply.type).toBe('error');
      if (reply.type !== 'error') continue;
      expect(reply.error.code).toBe(code);
      expect(reply.error.details?.field).toBe(field);
      expect(reply.error.message.startsWith(`${field}: `)).toBe(true);
    }
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await client.next()).toMatchObject({ type: 'error', error: { details: { field: '(root)' } } });
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    expect(await client.next()).toMatchObject({ type: 'subscribed' });
  });
});
