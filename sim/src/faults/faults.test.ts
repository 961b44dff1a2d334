import { describe, expect, it } from 'vitest';
import { makeTestSim } from '../server/test-context.js';
import { applyDrift } from './drift.js';
import { FaultState } from './state.js';

describe('applyDrift', () => {
  it('renames or drops a field at any depth', () => {
    const body = { markets: [{ ticker: 'A', yes_bid_dollars: '0.1' }], cursor: '' };
    expect(applyDrift(body, 'yes_bid_dollars', 'yes_bid')).toEqual({
      markets: [{ ticker: 'A', yes_bid: '0.1' }],
      cursor: '',
    });
    expect(applyDrift(body, 'cursor', undefined)).toEqual({
      markets: [{ ticker: 'A', yes_bid_dollars: '0.1' }],
    });
  });
});

describe('FaultState', () => {
  it('counted faults match method and path prefix, then disarm', () => {
    const faults = new FaultState();
    faults.addRest({
      kind: 'http_5xx',
      remaining: 2,
      status: 503,
      holdMs: 0,
      method: 'POST',
      pathPrefix: '/portfolio/events/orders',
    });
    expect(faults.takeRest('GET', '/portfolio/events/orders')).toBeUndefined();
    expect(faults.takeRest('POST', '/markets')).toBeUndefined();
    expect(faults.takeRest('POST', '/portfolio/events/orders')?.status).toBe(503);
    expect(faults.takeRest('POST', '/portfolio/events/orders/batched')?.status).toBe(503);
    expect(faults.takeRest('POST', '/portfolio/events/orders')).toBeUndefined();
  });
});

describe('REST fault middleware (in-process app)', () => {
  const sim = makeTestSim();
  const get = (path: string) => sim.app.request(`/trade-api/v2${path}`);
  const admin = (path: string, body: unknown) =>
    sim.app.request(`/_sim${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('5xx and 429 bursts answer instead of the handler, for exactly `count` requests', async () => {
    await admin('/faults/rest', { kind: 'http_5xx', status: 503, count: 1, path_prefix: '/markets' });
    await admin('/faults/rest', { kind: 'too_many_requests', count: 2 });
    const first = await get('/markets?limit=1');
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ error: { code: 'internal_server_error' } });
    const limited = [await get('/markets?limit=1'), await get('/exchange/status')];
    expect(limited.map((r) => r.status)).toEqual([429, 429]);
    expect(await limited[0]?.json()).toEqual({ error: 'too many requests' });
    expect((await get('/markets?limit=1')).status).toBe(200);
  });

  it('schema drift renames a field until cleared', async () => {
    await admin('/faults/drift', {
      field: 'yes_bid_dollars',
      rename_to: 'yes_bid_price',
      path_prefix: '/markets',
    });
    const drifted = (await (await get('/markets/KXFEDMENTION-26MAR-JUDY')).json()) as {
      market: Record<string, unknown>;
    };
    expect(drifted.market.yes_bid_price).toBe('0.0100');
    expect('yes_bid_dollars' in drifted.market).toBe(false);
    await sim.app.request('/_sim/faults', { method: 'DELETE' });
    const clean = (await (await get('/markets/KXFEDMENTION-26MAR-JUDY')).json()) as {
      market: Record<string, unknown>;
    };
    expect(clean.market.yes_bid_dollars).toBe('0.0100');
  });

  it('empty 2xx keeps the status but drops the body', async () => {
    await admin('/faults/rest', {
      kind: 'empty_success',
      count: 1,
      path_prefix: '/markets/KXFEDMENTION-26MAR-JUDY',
    });
    const res = await get('/markets/KXFEDMENTION-26MAR-JUDY');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
  });

  it('admin bodies are validated, naming the field', async () => {
    const res = await admin('/faults/rest', { kind: 'teapot' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/kind/);
  });

  it('pause, clock shift, settle and dispute act on the real engine', async () => {
    const paused = await admin('/faults/pause', { is_paused: true });
    expect(await paused.json()).toEqual({ is_trading_paused: true });
    const status = (await (await get('/exchange/status')).json()) as { trading_active: boolean };
    expect(status.trading_active).toBe(false);
    await admin('/faults/pause', { is_paused: false });
    const before = sim.ctx.clock.nowMs();
    const shifted = (await (await admin('/faults/clock', { shift_ms: 60_000 })).json()) as { now_ms: number };
    expect(shifted.now_ms - before).toBe(60_000);
    const settled = await admin('/faults/settle', { ticker: 'KXHIGHNY-26JAN01-T30', result: 'no' });
    expect(await settled.json()).toMatchObject({ status: 'finalized' });
    const market = (await (await get('/markets/KXHIGHNY-26JAN01-T30')).json()) as {
      market: Record<string, unknown>;
    };
    expect(market.market).toMatchObject({
      status: 'finalized',
      result: 'no',
      settlement_value_dollars: '0.0000',
    });
    const disputed = await admin('/faults/dispute', { ticker: 'KXHIGHNY-26JAN01-T37' });
    expect(await disputed.json()).toMatchObject({ status: 'disputed' });
    expect((await admin('/faults/settle', { ticker: 'NOPE', result: 'yes' })).status).toBe(404);
  });
});
