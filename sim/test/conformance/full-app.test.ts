/**
 * The auth, rate-limit, schedule and portfolio pieces as the server wires them (S2's
 * `createSimApp` over a real engine replaying recorded data): checks the composition, not
 * just each factory alone.
 */
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/sign-request.js';
import { makeTestKey } from '../../src/auth/test-keys.js';
import { makeTestSim } from '../../src/server/test-context.js';
import { ErrorEnvelope, GetBalanceResponse } from '../../src/rest/portfolio/schemas.js';

const key = makeTestKey('full-app-key');

async function setup() {
  const sim = makeTestSim();
  const added = await sim.app.request('/_sim/keys', { method: 'POST', body: JSON.stringify([key.entry]) });
  expect(added.status).toBe(201);
  const ticker = sim.world.exchange
    .listMarkets()
    .find((m) => m.status === 'active' && m.priceLevelStructure === 'linear_cent')?.ticker;
  if (!ticker) throw new Error('no active linear_cent market in the replay');
  const call = (method: string, apiPath: string, body?: unknown) => {
    const path = `/trade-api/v2${apiPath}`;
    return sim.app.request(path, {
      method,
      headers: {
        ...signRequest(key.entry.key_id, key.privateKey, method, path, sim.ctx.clock.nowMs()),
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  const order = (price = '0.01') => ({
    ticker,
    side: 'bid',
    count: '1',
    price,
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
  });
  return { sim, call, order };
}

describe('auth + limits + schedule + portfolio through createSimApp', () => {
  it('a funded key trades; unsigned portfolio calls get the Kalshi 401', async () => {
    const { sim, call, order } = await setup();
    const balance = GetBalanceResponse.parse(await (await call('GET', '/portfolio/balance')).json());
    expect(balance.balance).toBe(1_000_000); // $10,000 default opening balance, in cents
    expect((await call('POST', '/portfolio/events/orders', order())).status).toBe(201);
    const unsigned = await sim.app.request('/trade-api/v2/portfolio/balance');
    expect(unsigned.status).toBe(401);
    expect(ErrorEnvelope.parse(await unsigned.json()).error.code).toBe('authentication_error');
  });

  it('Basic tier: 10 creates fill the write bucket, the 11th is 429, cancels (cost 2) still pass after 20 ms', async () => {
    const { sim, call, order } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await call('POST', '/portfolio/events/orders', order());
      expect(res.status).toBe(201);
      const body: unknown = await res.json();
      if (typeof body === 'object' && body !== null && 'order_id' in body) ids.push(String(body.order_id));
    }
    const limited = await call('POST', '/portfolio/events/orders', order());
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'too many requests' });
    // Reads are a separate bucket.
    expect((await call('GET', '/portfolio/orders')).status).toBe(200);
    sim.ctx.clock.shiftMs(20); // 2 tokens at 100/s
    expect((await call('DELETE', `/portfolio/events/orders/${ids[0] ?? ''}`)).status).toBe(200);
    expect((await call('DELETE', `/portfolio/events/orders/${ids[1] ?? ''}`)).status).toBe(429);
  });

  it('Thursday 03:00 ET: status shows the pause, creates are refused, cancels allowed', async () => {
    const { sim, call, order } = await setup();
    const created = await call('POST', '/portfolio/events/orders', order());
    const body: unknown = await created.json();
    const orderId =
      typeof body === 'object' && body !== null && 'order_id' in body ? String(body.order_id) : '';
    // The test sim starts Wed 2026-11-25 12:00Z; Thursday 03:00 EST is 2026-11-26 08:00Z.
    sim.ctx.clock.shiftMs(Date.parse('2026-11-26T08:30:00Z') - sim.ctx.clock.nowMs());
    const status: unknown = await (await sim.app.request('/trade-api/v2/exchange/status')).json();
    expect(status).toMatchObject({
      trading_active: false,
      exchange_estimated_resume_time: '2026-11-26T10:00:00.000Z',
    });
    const refused = await call('POST', '/portfolio/events/orders', order());
    expect(ErrorEnvelope.parse(await refused.json()).error.code).toBe('trading_paused');
    expect((await call('DELETE', `/portfolio/events/orders/${orderId}`)).status).toBe(200);
  });
});
