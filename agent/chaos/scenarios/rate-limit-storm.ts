import { freshMarket, seconds, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';
import { OrderResponse } from '@pt/protocol';

const STORM = 25;

/** The venue answers 429 to the next 25 requests of any kind, while the trader places an order. */
export const rateLimitStorm: Scenario = {
  name: 'rate-limit-429-storm',
  expected:
    'the agent backs off and retries (a 429 means not accepted): the order is placed exactly once and rests, reads recover, the agent stays up and trading active',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    await ctx.admin('/faults/rest', { kind: 'too_many_requests', count: STORM });
    const startedMs = Date.now();
    const clientOrderId = ctx.clientOrderId('429');
    const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
    const text = await res.text();
    check(res.status === 201, `the order under a 429 storm answered ${res.status}: ${text}`);
    const { order } = OrderResponse.parse(JSON.parse(text));
    const placedAfter = seconds(startedMs);
    const left = (await ctx.admin('/faults', undefined, 'GET')) as { rest?: { remaining?: number }[] };
    await ctx.admin('/faults', undefined, 'DELETE');
    const settled = await ctx.orderIn(clientOrderId, ['resting'], 20_000);
    const onVenue = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue.length === 1, `${onVenue.length} venue orders for one client order id`);
    check(settled.orderId === onVenue[0]?.orderId, 'the agent and the venue disagree on the order id');
    check(ctx.rig.running?.agent.child.exitCode === null, 'the agent exited');
    await ctx.rig.waitForActive(20_000);
    const remaining = left.rest?.reduce((n, f) => n + (f.remaining ?? 0), 0) ?? 0;
    return `${STORM - remaining} of ${STORM} requests answered 429; the order went ${order.status} after ${placedAfter}, exactly 1 venue order, trading active`;
  },
};
