import { eventually } from '../context.js';
import { freshMarket, seconds, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/**
 * SIGKILL between the intent and the ack: the venue runs the create and holds its answer, and the
 * agent is killed while it waits. The next run must adopt the order, never place a second one.
 */
export const sigkillIntentAck: Scenario = {
  name: 'sigkill-intent-ack',
  expected:
    'after the restart, reconciliation adopts the order the venue accepted (found by client_order_id): one venue order, the agent shows it resting, the market is not blocked',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    await ctx.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 15_000,
    });
    const clientOrderId = ctx.clientOrderId('kill-a');
    const placing = ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId)).catch(() => null);
    await eventually(
      async () => ((await venueOrdersFor(ctx, clientOrderId)).length > 0 ? true : undefined),
      'the held create on the venue',
    );
    await ctx.rig.kill();
    check((await placing) === null, 'the killed agent still answered the create');
    const restartMs = Date.now();
    await ctx.rig.launch();
    const adopted = await ctx.orderIn(clientOrderId, ['resting'], 20_000);
    const onVenue = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue.length === 1, `${onVenue.length} venue orders for one client order id`);
    check(adopted.orderId === onVenue[0]?.orderId, 'the adopted order is not the venue order');
    const next = await ctx.call(
      'POST',
      '/v1/orders',
      ctx.restingBid(ticker, ctx.clientOrderId('kill-a-next')),
    );
    check(next.status === 201, `the market stayed blocked: ${next.status} ${await next.text()}`);
    return `killed with the create held; restarted and adopted ${adopted.orderId ?? ''} as resting ${seconds(restartMs)} after relaunch; 1 venue order; the next order on the market placed`;
  },
};
