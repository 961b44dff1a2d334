import { freshMarket, seconds, status, takePosition } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** Data frames stop while pings and command replies go on (a half-dead feed). */
export const silentStall: Scenario = {
  name: 'silent-stall',
  expected:
    'with pings still healthy, the agent notices the book went silent (probe unanswered), marks it stale (data liveness not green) and forces a reconnect; once data flows again the book is fresh and trading active',
  async run(ctx) {
    const market = await freshMarket(ctx);
    await takePosition(ctx, market, 'stall');
    const mark = ctx.log().length;
    const stalledMs = Date.now();
    await ctx.admin('/faults/ws/stall', { is_stalled: true });
    let staleAfter = '';
    try {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const liveness = (await status(ctx)).health.components.dataLiveness;
        if (liveness.light !== 'green') {
          staleAfter = `${seconds(stalledMs)} (${liveness.light}: ${liveness.detail})`;
          break;
        }
        check(Date.now() < deadline, 'data liveness stayed green through 45 s of silent stall');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await ctx.waitForLog('ws forced reconnect', mark, 20_000);
    } finally {
      await ctx.admin('/faults/ws/stall', { is_stalled: false });
    }
    const forcedAfter = seconds(stalledMs);
    const resumedMs = Date.now();
    let liveness = (await status(ctx)).health.components.dataLiveness;
    const deadline = Date.now() + 30_000;
    while (liveness.light !== 'green' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      liveness = (await status(ctx)).health.components.dataLiveness;
    }
    check(
      liveness.light === 'green',
      `data liveness stayed ${liveness.light} after the stall: ${liveness.detail}`,
    );
    await ctx.rig.waitForActive(30_000);
    return `stale after ${staleAfter}; forced reconnect by ${forcedAfter}; fresh and active ${seconds(resumedMs)} after data resumed`;
  },
};
