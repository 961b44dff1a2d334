import { freshMarket, seconds, status, takePosition } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The next sequenced frame on every subscription skips one seq. */
export const seqGap: Scenario = {
  name: 'seq-gap',
  expected:
    'the agent detects the gap on the sequenced channel, marks that book unquotable and re-snapshots it; data liveness is green again and trading stays or returns active',
  async run(ctx) {
    const market = await freshMarket(ctx);
    // A position makes the agent follow the market's book (the sequenced orderbook_delta channel).
    await takePosition(ctx, market, 'seq-gap');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const mark = ctx.log().length;
    const armedMs = Date.now();
    await ctx.admin('/faults/ws/seq-gap');
    await ctx.waitForLog('ws seq gap', mark, 30_000);
    const gapLine =
      ctx
        .log()
        .slice(mark)
        .split('\n')
        .find((line) => line.includes('ws seq gap')) ?? '';
    const channel = /"channel":"([a-z_0-9]+)"/.exec(gapLine)?.[1] ?? 'unknown channel';
    const detectedAfter = seconds(armedMs);
    await ctx.rig.waitForActive(30_000);
    let liveness = (await status(ctx)).health.components.dataLiveness;
    const deadline = Date.now() + 15_000;
    while (liveness.light !== 'green' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      liveness = (await status(ctx)).health.components.dataLiveness;
    }
    check(liveness.light === 'green', `data liveness stayed ${liveness.light}: ${liveness.detail}`);
    return `gap detected on ${channel} after ${detectedAfter}; books re-snapshotted, data liveness green and trading active after ${seconds(armedMs)}`;
  },
};
