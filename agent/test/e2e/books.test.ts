/**
 * Books to the browser on the real agent process against the real simulator: a `ws` client
 * subscribes to `market:<ticker>`, gets a `book.snapshot` (every frame parsed with the protocol's
 * ServerMessage), then a resting order placed through the agent's API changes the venue's book and
 * arrives as a `book.delta` carrying that level; the book the client rebuilds equals the agent's.
 */
import { describe, expect, it } from 'vitest';
import { OrderResponse, PROTOCOL_VERSION, applyBookChanges } from '@pt/protocol';
import type { OrderBook, ServerMessage } from '@pt/protocol';
import { openClient } from '../stream/stream-harness.js';
import type { TestClient } from '../stream/stream-harness.js';
import { usePairedSimAgent } from './paired-sim-agent.js';

const { agent, token, call, waitForActive, openMarket } = usePairedSimAgent();

/** Applies book events of `stream` to `book` until `until(book)` holds; returns the book and the types seen. */
async function follow(
  client: TestClient,
  stream: string,
  book: OrderBook | null,
  until: (book: OrderBook | null) => boolean,
  timeoutMs = 15_000,
): Promise<{ book: OrderBook | null; types: string[] }> {
  const deadline = Date.now() + timeoutMs;
  const types: string[] = [];
  let current = book;
  while (!until(current)) {
    const message: ServerMessage = await client.next(Math.max(1, deadline - Date.now()));
    if (!('stream' in message) || message.stream !== stream) continue;
    types.push(message.type);
    if (message.type === 'book.snapshot') current = message.book;
    else if (message.type === 'book.delta' && current !== null) current = applyBookChanges(current, message);
  }
  return { book: current, types };
}

describe('market streams of the real agent', () => {
  it('snapshot on subscribe, then our resting order arrives as a delta', async () => {
    await waitForActive();
    const ticker = await openMarket();
    const stream = `market:${ticker}`;
    const client = await openClient(agent().wsUrl, { origin: agent().origin });
    client.send({ type: 'auth', token: token() });
    expect(await client.next()).toEqual({ type: 'auth.accepted' });
    client.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, clientVersion: 'e2e' });
    expect((await client.next()).type).toBe('hello');
    client.send({ type: 'subscribe', streams: [], tickers: [ticker] });

    // The venue's first snapshot may land after ours: follow until the book is quotable.
    const first = await follow(client, stream, null, (book) => book?.isQuotable === true);
    expect(first.types[0]).toBe('book.snapshot');
    const price = 100; // $0.01: far below the replayed book, so it rests as a new level
    const before = first.book?.yesBids.find((level) => level.priceE4 === price)?.countE2 ?? 0;

    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: price,
      countE2: 300,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
    });
    const text = await placed.text();
    expect(placed.status, text).toBe(201);
    const { order } = OrderResponse.parse(JSON.parse(text));

    const after = await follow(
      client,
      stream,
      first.book,
      (book) => book?.yesBids.find((level) => level.priceE4 === price)?.countE2 === before + 300,
    );
    expect(after.types).toContain('book.delta');
    if (order.orderId !== null) await call('DELETE', `/v1/orders/${order.orderId}`);
    const gone = await follow(
      client,
      stream,
      after.book,
      (book) => (book?.yesBids.find((level) => level.priceE4 === price)?.countE2 ?? 0) === before,
    );
    expect(gone.types).toContain('book.delta');
    client.ws.close();
  }, 60_000);
});
