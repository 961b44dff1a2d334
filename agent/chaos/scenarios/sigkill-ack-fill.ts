import { OrderResponse } from '@pt/protocol';
import { seconds, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/**
 * SIGKILL between the ack and the fill: our bid rests, the agent dies, another account sells into
 * it while the agent is down. The next run must record the fill exactly once.
 */
export const sigkillAckFill: Scenario = {
  name: 'sigkill-ack-fill',
  expected:
    'after the restart the agent shows the order filled, the fill recorded once, and the position equal to the venue',
  async run(ctx) {
    const { ticker, bestBidE4 } = await ctx.rig.spreadMarket();
    const bidE4 = bestBidE4 + 100;
    const clientOrderId = ctx.clientOrderId('kill-b');
    const res = await ctx.call('POST', '/v1/orders', {
      ...ctx.restingBid(ticker, clientOrderId),
      priceE4: bidE4,
    });
    const text = await res.text();
    check(res.status === 201, `the bid answered ${res.status}: ${text}`);
    const { order } = OrderResponse.parse(JSON.parse(text));
    check(order.status === 'resting', `the bid is ${order.status}`);
    await ctx.rig.kill();
    await ctx.rig.sellIntoBid(ticker, bidE4);
    const [onVenue] = await venueOrdersFor(ctx, clientOrderId);
    check(onVenue?.status === 'executed', `the venue order is ${onVenue?.status ?? 'missing'}, not executed`);
    const restartMs = Date.now();
    await ctx.rig.launch();
    const filled = await ctx.orderIn(clientOrderId, ['filled'], 20_000);
    check(
      filled.filledCountE2 === onVenue.fillCountE2,
      `filled ${filled.filledCountE2} ≠ venue ${onVenue.fillCountE2}`,
    );
    return `killed with the bid resting; filled by another account while down; after relaunch the agent shows it filled (${filled.filledCountE2 / 100} contract) ${seconds(restartMs)} later`;
  },
};
