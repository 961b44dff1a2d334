/**
 * The control socket's `shutdown` on the REAL agent and the REAL simulator: the same orderly stop
 * as SIGTERM. With a resting order of ours, the request is accepted, the agent cancels the order on
 * the venue, says so on its terminal, and exits 0.
 */
import { OrderResponse } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlRequest } from '../../src/control/control-client.js';
import { CrashRig } from '../crash/crash-rig.js';

let rig: CrashRig;

beforeAll(async () => {
  rig = await CrashRig.start(73);
}, 120_000);

afterAll(async () => {
  await rig.close();
}, 30_000);

describe('control socket shutdown', () => {
  it('cancels our resting order, reports it, and exits 0', async () => {
    const running = await rig.launch();
    const { ticker } = await rig.spreadMarket();
    const clientOrderId = `pt-ctl-shutdown-${Date.now()}`;
    const res = await rig.call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
      clientOrderId,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(OrderResponse.parse(await res.json()).order.status).toBe('resting');

    const accepted = await controlRequest(rig.dataDir, { method: 'shutdown' });
    expect(accepted).toEqual({ isStopping: true, pid: running.agent.child.pid });
    const { code } = await running.agent.exited;
    rig.running = undefined;
    expect(code, running.agent.stderr()).toBe(0);
    expect(running.agent.stderr()).toContain('stopping: 1 of 1 resting orders cancelled');
    const [onVenue] = await rig.venueOrders(clientOrderId);
    expect(onVenue?.status).toBe('canceled');
  }, 120_000);
});
