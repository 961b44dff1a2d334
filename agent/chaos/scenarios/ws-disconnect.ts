import { placeResting, freshMarket, seconds } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The venue drops every WS connection at the TCP level (1006) while a resting order is live. */
export const wsDisconnect: Scenario = {
  name: 'ws-disconnect',
  expected:
    'the agent sees the drop, closes the trading gate, reconnects and resubscribes, reconciles over REST and reopens the gate; the resting order is still resting',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    const order = await placeResting(ctx, ticker, 'ws-drop');
    const mark = ctx.log().length;
    const droppedMs = Date.now();
    await ctx.admin('/faults/ws/drop');
    await ctx.waitForLog('ws closed; reconnecting', mark, 10_000);
    await ctx.waitForLog('ws reconnected and resubscribed', mark, 30_000);
    const reconnectedAfter = seconds(droppedMs);
    await ctx.rig.waitForActive(30_000);
    const activeAfter = seconds(droppedMs);
    const after = await ctx.orderIn(order.clientOrderId ?? '', ['resting'], 10_000);
    check(after.orderId === order.orderId, 'the resting order changed identity across the reconnect');
    return `dropped; reconnected and resubscribed after ${reconnectedAfter}, trading active after ${activeAfter}; order ${order.orderId} still resting`;
  },
};
