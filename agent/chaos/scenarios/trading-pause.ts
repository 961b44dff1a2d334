import { OrderResponse } from '@pt/protocol';
import { eventually } from '../context.js';
import { freshMarket, placeResting, seconds, status, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The exchange pauses trading while our order rests (cancels allowed, no place or amend). */
export const tradingPause: Scenario = {
  name: 'trading-pause',
  expected:
    'while paused no new order rests on the venue (refused by the agent or rejected by the venue, never pending), the resting order stays as the venue has it, the venue light reports the pause; after the pause trading is active again',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    const resting = await placeResting(ctx, ticker, 'pause-rest');
    const pausedMs = Date.now();
    await ctx.admin('/faults/pause', { is_paused: true });
    let during = '';
    let lightAfter = '';
    try {
      const clientOrderId = ctx.clientOrderId('pause-new');
      const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
      const text = await res.text();
      const answer = res.status === 201 ? OrderResponse.parse(JSON.parse(text)).order : null;
      const rule = /"rule":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
      during =
        answer === null
          ? `refused (${res.status} ${rule})`
          : `${answer.status}: ${answer.statusDetail ?? ''}`;
      check(
        answer === null || answer.status === 'rejected',
        `a new order during the pause is ${answer?.status ?? ''}`,
      );
      check(
        (await venueOrdersFor(ctx, clientOrderId)).every((o) => o.status !== 'resting'),
        'a new order rests on the paused venue',
      );
      const deadline = Date.now() + 40_000;
      for (;;) {
        const venue = (await status(ctx)).health.components.venue;
        if (venue.light !== 'green') {
          lightAfter = `${seconds(pausedMs)} (${venue.light}: ${venue.detail})`;
          break;
        }
        check(Date.now() < deadline, 'the venue light stayed green through 40 s of a trading pause');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await ctx.admin('/faults/pause', { is_paused: false });
    }
    const [kept] = await venueOrdersFor(ctx, resting.clientOrderId ?? '');
    const resumedMs = Date.now();
    await ctx.rig.waitForActive(45_000);
    // The agent learns of the resumption from its exchange-status poll (every 30 s).
    const accepted = await eventually(
      async () => {
        const res = await ctx.call(
          'POST',
          '/v1/orders',
          ctx.restingBid(ticker, ctx.clientOrderId('pause-after')),
        );
        const text = await res.text();
        return res.status === 201 ? text : undefined;
      },
      'an order accepted after the pause',
      45_000,
    );
    check(
      OrderResponse.parse(JSON.parse(accepted)).order.status === 'resting',
      'the order after the pause did not rest',
    );
    return (
      `new order during the pause: ${during}; venue light off green after ${lightAfter}; ` +
      `our resting order is ${kept?.status ?? 'gone'} on the venue; trading state active throughout; ` +
      `orders accepted again ${seconds(resumedMs)} after the pause ended`
    );
  },
};
