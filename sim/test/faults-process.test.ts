import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameCollector, startSim, type RunningSimProcess } from './helpers/spawn-sim.js';

let sim: RunningSimProcess;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.stop();
});

const TICKER = 'KXFEDMENTION-26MAR-JUDY';
let orderNo = 0;
const createOrder = () =>
  sim.api('POST', '/portfolio/events/orders', {
    ticker: TICKER,
    side: 'bid',
    count: '1.00',
    price: '0.0100',
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
    client_order_id: `fault-${(orderNo += 1)}`,
  });

describe('fault injection, scripted over loopback', () => {
  it('5xx burst on creates, then normal service', async () => {
    await sim.admin('/faults/rest', {
      kind: 'http_5xx',
      status: 503,
      count: 2,
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    expect((await createOrder()).status).toBe(503);
    expect((await createOrder()).status).toBe(503);
    expect((await createOrder()).status).toBe(201);
  });

  it('429 burst with the bare-string Kalshi body', async () => {
    await sim.admin('/faults/rest', { kind: 'too_many_requests', count: 1 });
    const res = await sim.api('GET', '/portfolio/balance');
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: 'too many requests' });
    expect((await sim.api('GET', '/portfolio/balance')).status).toBe(200);
  });

  it('a 2xx without the order object: the order still exists', async () => {
    await sim.admin('/faults/rest', {
      kind: 'empty_success',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const res = await createOrder();
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({});
    const orders = (await (await sim.api('GET', `/portfolio/orders?ticker=${TICKER}`)).json()) as {
      orders: { client_order_id: string }[];
    };
    expect(orders.orders.map((o) => o.client_order_id)).toContain(`fault-${orderNo}`);
  });

  it('schema drift: a dropped field for the next N responses', async () => {
    await sim.admin('/faults/drift', { field: 'yes_ask_dollars', count: 1, path_prefix: '/markets' });
    const drifted = (await (await fetch(`${sim.ready.rest}/markets/${TICKER}`)).json()) as {
      market: Record<string, unknown>;
    };
    expect('yes_ask_dollars' in drifted.market).toBe(false);
    const clean = (await (await fetch(`${sim.ready.rest}/markets/${TICKER}`)).json()) as {
      market: Record<string, unknown>;
    };
    expect(clean.market.yes_ask_dollars).toBeDefined();
  });

  it('trading pause: creates refused, status says so, resume restores', async () => {
    await sim.admin('/faults/pause', { is_paused: true });
    const status = (await (await fetch(`${sim.ready.rest}/exchange/status`)).json()) as {
      trading_active: boolean;
    };
    expect(status.trading_active).toBe(false);
    expect((await createOrder()).status).not.toBe(201);
    await sim.admin('/faults/pause', { is_paused: false });
    expect((await createOrder()).status).toBe(201);
  });

  it('silent stall: data stops, command replies continue; settle emits lifecycle after the stall ends', async () => {
    const ws = await sim.connectWs();
    const frames = frameCollector(ws);
    ws.send(JSON.stringify({ id: 1, cmd: 'subscribe', params: { channels: ['market_lifecycle_v2'] } }));
    await frames.next((f) => f.type === 'subscribed');
    await sim.admin('/faults/ws/stall', { is_stalled: true });
    await sim.admin('/faults/settle', { ticker: 'KXFEDMENTION-26MAR-CITR', result: 'no' });
    ws.send(JSON.stringify({ id: 2, cmd: 'list_subscriptions' }));
    await frames.next((f) => f.id === 2 && f.type === 'ok');
    expect(frames.frames.some((f) => f.type === 'market_lifecycle_v2')).toBe(false);
    await sim.admin('/faults/ws/stall', { is_stalled: false });
    const settled = (await (
      await sim.admin('/faults/settle', { ticker: 'KXFEDMENTION-26MAR-TRUM', result: 'yes' })
    ).json()) as { status: string };
    expect(settled.status).toBe('finalized');
    const lifecycle = await frames.next((f) => f.type === 'market_lifecycle_v2');
    expect(lifecycle).toMatchObject({ sid: 1, msg: { market_ticker: 'KXFEDMENTION-26MAR-TRUM' } });
    const market = (await (await fetch(`${sim.ready.rest}/markets/KXFEDMENTION-26MAR-TRUM`)).json()) as {
      market: { status: string; result: string };
    };
    expect(market.market).toMatchObject({ status: 'finalized', result: 'yes' });
    ws.close();
  });

  it('clock shift: stale signatures are then rejected (the sim clock drives auth)', async () => {
    await sim.admin('/faults/clock', { shift_ms: 60_000 });
    expect((await sim.api('GET', '/portfolio/balance')).status).toBe(401);
    await sim.admin('/faults/clock', { shift_ms: -60_000 });
    expect((await sim.api('GET', '/portfolio/balance')).status).toBe(200);
  });
});
