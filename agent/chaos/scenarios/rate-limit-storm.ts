import { OrderResponse } from '@pt/protocol';
import { freshMarket, seconds, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

const STORM = 25;

/** The venue answers 429 to the next 25 requests of any kind, while the trader places an order. */
export const rateLimitStorm: Scenario = {
  name: 'rate-limit-429-storm',
  expected:
    'a 429 means not accepted: the agent backs off and retries, then either places the order exactly once or refuses it as retryable with nothing sent; the same client_order_id sent again after the storm rests once; the agent stays up and trading active',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    const clientOrderId = ctx.clientOrderId('429');
    const startedMs = Date.now();
    let first: string;
    let remaining: number;
    await ctx.admin('/faults/rest', { kind: 'too_many_requests', count: STORM });
    try {
      const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
      const text = await res.text();
      if (res.status === 201) first = `placed (${OrderResponse.parse(JSON.parse(text)).order.status})`;
      else {
        const body = JSON.parse(text) as { code?: string; retryable?: boolean };
        check(res.status === 503 && body.retryable === true, `the order answered ${res.status}: ${text}`);
        first = `refused as retryable (${res.status} ${body.code ?? ''}), nothing sent`;
      }
      const snapshot = (await ctx.admin('/faults', undefined, 'GET')) as { rest?: { remaining?: number }[] };
      remaining = snapshot.rest?.reduce((n, f) => n + (f.remaining ?? 0), 0) ?? 0;
    } finally {
      await ctx.admin('/faults', undefined, 'DELETE');
    }
    const firstAfter = seconds(startedMs);
    if (first.startsWith('refused'))
      check((await venueOrdersFor(ctx, clientOrderId)).length === 0, 'a refused order reached the venue');
    const again = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
    check(
      again.status === 200 || again.status === 201,
      `the resend answered ${again.status}: ${await again.text()}`,
    );
    const settled = await ctx.orderIn(clientOrderId, ['resting'], 20_000);
    const onVenue = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue.length === 1, `${onVenue.length} venue orders for one client order id`);
    check(settled.orderId === onVenue[0]?.orderId, 'the agent and the venue disagree on the order id');
    check(ctx.rig.running?.agent.child.exitCode === null, 'the agent exited');
    await ctx.rig.waitForActive(20_000);
    return `${STORM - remaining} of ${STORM} requests answered 429; the order was ${first} after ${firstAfter}; resent after the storm (${again.status}): exactly 1 venue order, resting; trading active`;
  },
};
