import { OrderResponse } from '@pt/protocol';
import { freshMarket, seconds, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The venue runs the create (the order rests) and never answers it (held 12 s, then the socket dies). */
export const lostCreateResponse: Scenario = {
  name: 'lost-create-response',
  expected:
    'the create times out as outcome-unknown (market blocked, never resent); reconciliation finds the order by client_order_id and adopts it; one venue order; the same client_order_id again returns that order',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    await ctx.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 12_000,
    });
    const clientOrderId = ctx.clientOrderId('lost');
    const startedMs = Date.now();
    const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
    const text = await res.text();
    const answered =
      res.status === 201 ? OrderResponse.parse(JSON.parse(text)).order.status : `HTTP ${res.status}`;
    const answeredAfter = seconds(startedMs);
    const adopted = await ctx.orderIn(clientOrderId, ['resting'], 30_000);
    const adoptedAfter = seconds(startedMs);
    const onVenue = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue.length === 1, `${onVenue.length} venue orders for one client order id`);
    check(adopted.orderId === onVenue[0]?.orderId, 'the adopted order id is not the venue order');
    const again = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
    const againText = await again.text();
    check(again.status === 200, `the repeated client_order_id answered ${again.status}: ${againText}`);
    check(
      OrderResponse.parse(JSON.parse(againText)).order.orderId === adopted.orderId,
      'the repeat returned another order',
    );
    check((await venueOrdersFor(ctx, clientOrderId)).length === 1, 'the repeat reached the venue');
    return `the agent answered "${answered}" after ${answeredAfter}; adopted as resting ${adopted.orderId ?? ''} after ${adoptedAfter}; 1 venue order; the repeat returned it (200)`;
  },
};
