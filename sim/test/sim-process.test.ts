import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { marketsResponseSchema, orderbookResponseSchema } from '../src/rest/markets/schemas.js';
import { serverFrameSchema } from '../src/ws/schemas.js';
import { frameCollector, startSim, type RunningSimProcess } from './helpers/spawn-sim.js';

let sim: RunningSimProcess;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.stop();
});

describe('the sim process', () => {
  it('prints exactly one JSON ready line on stdout, bound to loopback', () => {
    expect(sim.stdoutLines).toHaveLength(1);
    expect(sim.ready.pid).toBe(sim.child.pid);
    expect(sim.ready.rest).toBe(`http://127.0.0.1:${sim.ready.port}/trade-api/v2`);
  });

  it('right after ready, /markets lists open markets with two-sided books', async () => {
    const res = await fetch(`${sim.ready.rest}/markets?status=open&limit=1000`);
    const { markets, cursor } = marketsResponseSchema.parse(await res.json());
    expect(cursor).toBe('');
    expect(markets.length).toBeGreaterThanOrEqual(60);
    const series = new Set(markets.map((m) => m.ticker.split('-')[0]));
    for (const s of ['KXHIGHNY', 'KXNBAGAME', 'KXFEDMENTION', 'RECSSNBER']) expect(series).toContain(s);
    for (const m of markets) {
      expect(Number(m.yes_bid_dollars), m.ticker).toBeGreaterThan(0);
      expect(Number(m.yes_ask_dollars), m.ticker).toBeLessThan(1);
      expect(m.yes_bid_dollars < m.yes_ask_dollars, m.ticker).toBe(true);
    }
    const book = orderbookResponseSchema.parse(
      await (await fetch(`${sim.ready.rest}/markets/${markets[0]?.ticker}/orderbook`)).json(),
    );
    expect(book.orderbook_fp.yes_dollars.length).toBeGreaterThan(0);
    expect(book.orderbook_fp.no_dollars.length).toBeGreaterThan(0);
  });

  it('replayed tapes trade through the engine (public trades appear)', async () => {
    const deadline = Date.now() + 15_000;
    let count = 0;
    while (Date.now() < deadline) {
      const body = (await (await fetch(`${sim.ready.rest}/markets/trades?limit=5`)).json()) as {
        trades: unknown[];
      };
      count = body.trades.length;
      if (count > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(count).toBeGreaterThan(0);
  });

  it('404 and unparseable bodies use the Kalshi error shapes', async () => {
    const missing = await fetch(`${sim.ready.rest}/markets/NOPE-1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const bad = await sim.api('POST', '/portfolio/events/orders', '{"ticker":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_request', message: 'bad request' });
  });

  it('an unsigned WS upgrade is refused with 401; a signed one subscribes', async () => {
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(sim.ready.ws);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => undefined);
    });
    expect(refused).toBe(401);
    const ws = await sim.connectWs();
    const frames = frameCollector(ws);
    const ticker = 'KXFEDMENTION-26MAR-JUDY';
    ws.send(
      JSON.stringify({
        id: 1,
        cmd: 'subscribe',
        params: { channels: ['orderbook_delta', 'trade', 'ticker'], market_tickers: [ticker] },
      }),
    );
    const snapshot = await frames.next((f) => f.type === 'orderbook_snapshot');
    expect(snapshot).toMatchObject({ sid: 1, seq: 1, msg: { market_ticker: ticker } });
    // A signed IOC buy through REST makes a trade and deltas on this socket.
    const create = await sim.api('POST', '/portfolio/events/orders', {
      ticker,
      side: 'bid',
      count: '2.00',
      price: '0.0200',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'taker_at_cross',
      client_order_id: 'itest-1',
    });
    expect(create.status, await create.clone().text()).toBe(201);
    const trade = await frames.next((f) => f.type === 'trade');
    expect(trade).toMatchObject({
      msg: { market_ticker: ticker, yes_price_dollars: '0.0200', count_fp: '2.00', taker_side: 'yes' },
    });
    await frames.next((f) => f.type === 'orderbook_delta');
    await frames.next((f) => f.type === 'ticker');
    for (const frame of frames.frames) expect(serverFrameSchema.safeParse(frame).error).toBeUndefined();
    const bookSeqs = frames.frames.filter((f) => f.sid === 1).map((f) => f.seq);
    expect(bookSeqs).toEqual(bookSeqs.map((_, i) => i + 1));
    ws.close();
  });

  it('answers server pings with body "heartbeat" (client pong is automatic)', async () => {
    const ws = await sim.connectWs();
    const pong = await new Promise<string>((resolve) => {
      ws.once('pong', (data: Buffer) => resolve(data.toString('utf8')));
      ws.ping('probe');
    });
    expect(pong).toBe('probe');
    ws.close();
  });
});

describe('faults over loopback', () => {
  it('drop WS connections: the socket closes without a close handshake', async () => {
    const ws = await sim.connectWs();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await sim.admin('/faults/ws/drop');
    expect(await closed).toBe(1006);
  });

  it('seq gap: the next sequenced frame skips one number', async () => {
    const ws = await sim.connectWs();
    const frames = frameCollector(ws);
    const ticker = 'KXFEDMENTION-26MAR-JUDY';
    ws.send(
      JSON.stringify({
        id: 1,
        cmd: 'subscribe',
        params: { channels: ['orderbook_delta'], market_tickers: [ticker] },
      }),
    );
    await frames.next((f) => f.type === 'orderbook_snapshot');
    await sim.admin('/faults/ws/seq-gap');
    ws.send(
      JSON.stringify({
        id: 2,
        cmd: 'update_subscription',
        params: { sid: 1, market_tickers: [ticker], action: 'get_snapshot' },
      }),
    );
    const second = await frames.next((f) => f.type === 'orderbook_snapshot' && f.id === 2);
    expect(second.seq).toBe(3);
    ws.close();
  });

  it('lost response: the order is accepted but the request never gets an answer', async () => {
    await sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 0,
    });
    const attempt = sim
      .api('POST', '/portfolio/events/orders', {
        ticker: 'KXFEDMENTION-26MAR-JUDY',
        side: 'bid',
        count: '1.00',
        price: '0.0100',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'taker_at_cross',
        client_order_id: 'lost-1',
      })
      .then(
        (r) => r.status,
        () => 'no answer',
      );
    expect(await attempt).toBe('no answer');
    const orders = (await (
      await sim.api('GET', '/portfolio/orders?ticker=KXFEDMENTION-26MAR-JUDY')
    ).json()) as {
      orders: { client_order_id: string; status: string }[];
    };
    expect(orders.orders.find((o) => o.client_order_id === 'lost-1')?.status).toBe('resting');
  });

  it('SIGTERM exits cleanly', async () => {
    const other = await startSim();
    expect(await other.stop('SIGTERM')).toBe(0);
  });
});
