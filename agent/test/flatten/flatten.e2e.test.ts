/**
 * Flatten All over the REAL agent process (agent/src/cli.ts) against the REAL simulator, through
 * the paired API exactly as the PWA calls it: take a position with a marketable order, press
 * `POST /v1/flatten` while subscribed to the `flatten` stream, read the report back with
 * `GET /v1/flatten`, and find trading halted.
 */
import { describe, expect, it } from 'vitest';
import {
  ActivityPage,
  ErrorBody,
  FlattenReport,
  OrderResponse,
  TradingState,
  complementPrice,
  parsePriceDollars,
} from '@pt/protocol';
import type { ServerMessage } from '@pt/protocol';
import { usePairedSimAgent } from '../e2e/paired-sim-agent.js';
import { readyClient, type TestClient } from '../stream/stream-harness.js';

const { agent, token, simRest, call, waitForActive } = usePairedSimAgent();

/** A market with two-sided depth and its best YES ask (1 − the best NO bid), from the venue. */
async function marketWithAsk(index: number): Promise<{ ticker: string; askE4: number }> {
  const res = await fetch(`${simRest()}/markets?status=open&limit=200`);
  const { markets } = (await res.json()) as { markets: { ticker: string }[] };
  // A different market per test: a losing exit puts its market in the risk cooldown.
  const ticker = markets.filter((m) => m.ticker.startsWith('KXFEDMENTION'))[index]?.ticker;
  if (ticker === undefined) throw new Error('no KXFEDMENTION market on the sim');
  const book = (await (await fetch(`${simRest()}/markets/${ticker}/orderbook`)).json()) as {
    orderbook_fp: { no_dollars: [string, string][] };
  };
  const bestNo = book.orderbook_fp.no_dollars.at(-1);
  if (bestNo === undefined) throw new Error('no NO bid');
  return { ticker, askE4: complementPrice(parsePriceDollars(bestNo[0])) };
}

type Progressed = Extract<ServerMessage, { type: 'flatten.progressed' }>;

/** Every `flatten.progressed` until the one whose report is finished. */
async function collectProgress(client: TestClient): Promise<Progressed[]> {
  const events: Progressed[] = [];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const message = await client.next(Math.max(1, deadline - Date.now()));
    if (message.type !== 'flatten.progressed') continue;
    events.push(message);
    if (message.report.status === 'finished') return events;
  }
}

describe('Flatten All on the real agent', () => {
  it('GET before any press is 404; a bad body is 422 naming the field', async () => {
    const none = await call('GET', '/v1/flatten');
    expect(none.status).toBe(404);
    const bad = await call('POST', '/v1/flatten', { maxSlippageE4: -1 });
    expect(bad.status).toBe(422);
    expect(ErrorBody.parse(await bad.json()).details).toMatchObject({ field: 'maxSlippageE4' });
  });

  it('takes a position on the simulator, flattens it, reports it and stays halted', async () => {
    await waitForActive();
    const { ticker, askE4 } = await marketWithAsk(0);
    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: askE4,
      countE2: 200,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    const placedText = await placed.text();
    expect(placed.status, placedText).toBe(201);
    expect(OrderResponse.parse(JSON.parse(placedText)).order.filledCountE2).toBeGreaterThan(0);

    const client = await readyClient(agent().wsUrl, token(), { origin: agent().origin });
    client.send({ type: 'subscribe', streams: ['flatten'], tickers: [] });
    expect(await client.next()).toMatchObject({
      type: 'subscribed',
      streams: [{ stream: 'flatten', seq: 0 }],
    });
    const streamed = collectProgress(client);

    const pressed = await call('POST', '/v1/flatten', { maxSlippageE4: 3_000 });
    const pressedText = await pressed.text();
    expect(pressed.status, pressedText).toBe(200);
    const report = FlattenReport.parse(JSON.parse(pressedText));
    expect(report).toMatchObject({
      status: 'finished',
      isHaltPersisted: true,
      positionsBefore: 1,
      positionsAfter: 0,
      failure: null,
    });
    expect(report.markets).toEqual([
      expect.objectContaining({ ticker, status: 'flattened', positionAfterE2: 0, reason: null }),
    ]);

    // Streamed step by step (seq 1, 2, …), the last event being the final report.
    const events = await streamed;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.report.flattenId === report.flattenId)).toBe(true);
    expect(events.at(-1)?.report).toEqual(report);
    client.ws.close();
    await client.closed;

    const latest = FlattenReport.parse(await (await call('GET', '/v1/flatten')).json());
    expect(latest).toEqual(report);
    const state = TradingState.parse(await (await call('GET', '/v1/trading-state')).json());
    expect(state.mode).toBe('halted');
    const activity = ActivityPage.parse(await (await call('GET', '/v1/activity?kind=system')).json());
    expect(activity.events.map((e) => e.id)).toContain(`flatten:${report.flattenId}:done`);
    // While halted, a manual order is refused; Flatten All is the only road that still sends.
    const refused = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: askE4,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    expect(refused.status).toBe(409);
  });

  it('two presses at once over HTTP join one run: same flattenId, same report', async () => {
    const resumed = await call('POST', '/v1/trading-state', { mode: 'active', reason: 'e2e: trade again' });
    expect(resumed.status).toBe(200);
    await waitForActive();
    const { ticker, askE4 } = await marketWithAsk(1);
    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: askE4,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    expect(placed.status, await placed.text()).toBe(201);
    const [first, second] = await Promise.all([
      call('POST', '/v1/flatten', { maxSlippageE4: 3_000 }),
      call('POST', '/v1/flatten', {}),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const [r1, r2] = [FlattenReport.parse(await first.json()), FlattenReport.parse(await second.json())];
    expect(r2).toEqual(r1);
    expect(r1).toMatchObject({ positionsBefore: 1, positionsAfter: 0 });
    expect(r1.markets.reduce((sum, m) => sum + m.ordersSent, 0)).toBeGreaterThan(0);
  });
});
