import { OrderResponse } from '@pt/protocol';
import { freshMarket, placeResting, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The venue answers 503 (before running anything) to the next 5 portfolio requests, creates included. */
export const http5xxBurst: Scenario = {
  name: 'http-5xx-burst',
  expected:
    'a create answered 503 is outcome-unknown, never blindly resent; reconciliation by client_order_id proves it was never placed (rejected) or adopts it; the market unblocks and the next order rests',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    await ctx.admin('/faults/rest', { kind: 'http_5xx', status: 503, count: 5, path_prefix: '/portfolio' });
    const clientOrderId = ctx.clientOrderId('5xx');
    const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
    const text = await res.text();
    const first =
      res.status === 201 ? OrderResponse.parse(JSON.parse(text)).order.status : `HTTP ${res.status}`;
    const resolved = await ctx.orderIn(clientOrderId, ['rejected', 'resting'], 30_000);
    await ctx.admin('/faults', undefined, 'DELETE');
    const onVenue = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue.length <= 1, `${onVenue.length} venue orders for one client order id`);
    check(
      (resolved.status === 'resting') === (onVenue.length === 1),
      `the agent says ${resolved.status} but the venue holds ${onVenue.length} order(s)`,
    );
    await ctx.rig.waitForActive(20_000);
    const next = await placeResting(ctx, ticker, '5xx-next');
    return (
      `the create answered ${first}; resolved to ${resolved.status}` +
      `${resolved.statusDetail === null ? '' : ` ("${resolved.statusDetail}")`} with ${onVenue.length} venue order(s); ` +
      `the next order on the market rests (${next.orderId ?? ''})`
    );
  },
};
