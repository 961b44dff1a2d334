/**
 * The shutdown cancel on the REAL agent process and the REAL simulator: SIGTERM with a resting
 * order of ours → the order is canceled on the venue before the agent exits (0), and the outcome is
 * in the agent's log; with `cancelOrdersOnShutdown` off (PUT /v1/risk/settings) it stays resting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrderResponse } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskSettings } from '../../src/risk/index.js';
import { CrashRig } from './crash-rig.js';

let rig: CrashRig;

beforeAll(async () => {
  rig = await CrashRig.start(71);
}, 120_000);

afterAll(async () => {
  await rig.close();
}, 30_000);

async function placeResting(label: string): Promise<string> {
  const { ticker } = await rig.spreadMarket();
  const clientOrderId = `pt-shutdown-${label}-${Date.now()}`;
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
  return clientOrderId;
}

function shutdownLogLines(): { canceled: number; working: number; isTimedOut: boolean }[] {
  return readFileSync(join(rig.dataDir, 'logs', 'agent.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('shutdown cancel of our resting orders'))
    .map((line) => JSON.parse(line) as { canceled: number; working: number; isTimedOut: boolean });
}

describe('shutdown cancel of the real agent', () => {
  it('SIGTERM cancels our resting order on the venue before the agent exits, and logs the outcome', async () => {
    await rig.launch();
    const clientOrderId = await placeResting('on');
    expect(await rig.terminate()).toBe(0);
    const [onVenue] = await rig.venueOrders(clientOrderId);
    expect(onVenue?.status).toBe('canceled');
    expect(shutdownLogLines().at(-1)).toMatchObject({ working: 1, canceled: 1, isTimedOut: false });
  }, 120_000);

  it('with cancelOrdersOnShutdown off the order stays resting', async () => {
    await rig.launch();
    const current = RiskSettings.parse(await (await rig.call('GET', '/v1/risk/settings')).json());
    const put = await rig.call('PUT', '/v1/risk/settings', { ...current, cancelOrdersOnShutdown: false });
    expect(put.status, await put.clone().text()).toBe(200);
    const clientOrderId = await placeResting('off');
    const before = shutdownLogLines().length;
    expect(await rig.terminate()).toBe(0);
    const [onVenue] = await rig.venueOrders(clientOrderId);
    expect(onVenue?.status).toBe('resting');
    expect(shutdownLogLines()).toHaveLength(before);
  }, 120_000);
});
