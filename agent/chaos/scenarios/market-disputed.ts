import { PortfolioResponse } from '@pt/protocol';
import { eventually } from '../context.js';
import { freshMarket, seconds, takePosition, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** A market we hold closes, is determined, then disputed (the settlement is held back). */
export const marketDisputed: Scenario = {
  name: 'market-disputed',
  expected:
    'the agent flags the market disputed, keeps the position open (never settles it by itself), and no new order on it reaches the venue; Flatten All reports it as a residual',
  async run(ctx) {
    const market = await freshMarket(ctx);
    await takePosition(ctx, market, 'dispute');
    const disputedMs = Date.now();
    await ctx.admin('/faults/dispute', { ticker: market.ticker });
    const portfolio = await eventually(
      async () => {
        const view = PortfolioResponse.parse(await (await ctx.call('GET', '/v1/portfolio')).json());
        return view.flags.disputedTickers.includes(market.ticker) ? view : undefined;
      },
      'the disputed flag in the agent',
      40_000,
    );
    const position = portfolio.positions.find((p) => p.position.ticker === market.ticker);
    check(position?.isDisputed === true, 'the position is not marked disputed');
    check(position.position.positionCountE2 !== 0, 'the disputed position was closed');
    const clientOrderId = ctx.clientOrderId('dispute-new');
    const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(market.ticker, clientOrderId));
    const answered = res.status;
    await res.text();
    check(
      (await venueOrdersFor(ctx, clientOrderId)).every((o) => o.status !== 'resting'),
      'a new order rests on the disputed market',
    );
    return `flagged disputed ${seconds(disputedMs)} after the dispute; position ${position.position.positionCountE2 / 100} kept open; a new order on it answered ${answered} and never rested`;
  },
};
