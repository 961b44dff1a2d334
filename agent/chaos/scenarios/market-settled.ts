import { PortfolioSettlementsPage } from '@pt/protocol';
import { eventually } from '../context.js';
import { freshMarket, seconds, takePosition } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** A market we hold closes, is determined YES and settles. */
export const marketSettled: Scenario = {
  name: 'market-settled',
  expected:
    'the agent records the settlement once (GET /v1/portfolio/settlements), the position goes flat and the balance equals the venue (ledger = venue)',
  async run(ctx) {
    const market = await freshMarket(ctx);
    await takePosition(ctx, market, 'settle');
    const settledMs = Date.now();
    await ctx.admin('/faults/settle', { ticker: market.ticker, result: 'yes' });
    const settlement = await eventually(
      async () => {
        const res = await ctx.call('GET', '/v1/portfolio/settlements');
        const page = PortfolioSettlementsPage.parse(await res.json());
        const mine = page.settlements.filter((s) => s.ticker === market.ticker);
        return mine.length > 0 ? mine : undefined;
      },
      'the settlement in the agent',
      40_000,
    );
    check(settlement.length === 1, `${settlement.length} settlement records for one market`);
    return `settled ${market.ticker} YES; the agent recorded it once ${seconds(settledMs)} later`;
  },
};
