import { FlattenReport } from '@pt/protocol';
import { FLATTEN_WITHIN_MS } from '../invariants/flatten-outcome.js';
import { expectRefused, freshMarket, takePosition } from '../steps.js';
import { check, type Scenario } from '../types.js';

/**
 * Flatten All pressed while the venue WS is down and stays down (a forwarder in front of the
 * simulator's WS cuts every connection and refuses new ones), with a position open.
 */
export const flattenDuringDisconnect: Scenario = {
  name: 'flatten-during-disconnect',
  expected:
    'with the WS down the gate is closed (a new order is refused); Flatten All still runs over REST: within 5 s the position is flat or reported as a residual with a reason; trading stays halted until the trader resumes',
  async run(ctx) {
    const market = await freshMarket(ctx);
    await takePosition(ctx, market, 'flat-drop');
    const mark = ctx.log().length;
    ctx.wsProxy.cut();
    let outcome: string;
    try {
      await ctx.waitForLog('ws closed; reconnecting', mark, 10_000);
      const gate = await ctx.tradingState();
      const refused = await expectRefused(ctx, market.ticker, 'flat-drop-new');
      const pressedMs = Date.now();
      const res = await ctx.call('POST', '/v1/flatten', {
        maxSlippageE4: 3_000,
        deadlineMs: FLATTEN_WITHIN_MS - 1_000,
      });
      const elapsedMs = Date.now() - pressedMs;
      const text = await res.text();
      check(res.status === 200, `POST /v1/flatten answered ${res.status}: ${text}`);
      const report = FlattenReport.parse(JSON.parse(text));
      check(
        report.status === 'finished' && elapsedMs <= FLATTEN_WITHIN_MS,
        `the report took ${elapsedMs} ms (${report.status})`,
      );
      const mine = report.markets.find((m) => m.ticker === market.ticker);
      check(
        mine !== undefined,
        `the report does not name the held market (failure: ${report.failure ?? 'none'})`,
      );
      check(
        mine.status === 'flattened'
          ? mine.positionAfterE2 === 0
          : mine.status === 'residual' && mine.reason !== null,
        `the market ended ${mine.status} at ${mine.positionAfterE2}`,
      );
      check((await ctx.tradingState()).mode === 'halted', 'trading is not halted after Flatten All');
      outcome =
        `WS cut (gate ${gate.mode}: "${gate.reason}"; a new order refused ${refused}); Flatten All finished in ${elapsedMs} ms, ` +
        `${market.ticker} ${mine.status}${mine.reason === null ? '' : ` (${mine.reason}: ${mine.detail ?? ''})`}`;
    } finally {
      ctx.wsProxy.restore();
    }
    await ctx.waitForLog('ws reconnected and resubscribed', mark, 30_000);
    await ctx.resume('chaos: after flatten');
    return `${outcome}; halted until resumed after the WS came back`;
  },
};
