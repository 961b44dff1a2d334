import { FlattenReport } from '@pt/protocol';
import { FLATTEN_WITHIN_MS } from '../invariants/flatten-outcome.js';
import { freshMarket, status, takePosition } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** Flatten All pressed the moment the venue drops every WS connection, with a position open. */
export const flattenDuringDisconnect: Scenario = {
  name: 'flatten-during-disconnect',
  expected:
    'Flatten All still runs over REST: within 5 s the position is flat or reported as a residual with a reason, and trading stays halted until the trader resumes',
  async run(ctx) {
    const market = await freshMarket(ctx);
    await takePosition(ctx, market, 'flat-drop');
    await ctx.admin('/faults/ws/drop');
    const pressedMs = Date.now();
    const [res, atPress] = await Promise.all([
      ctx.call('POST', '/v1/flatten', { maxSlippageE4: 3_000, deadlineMs: FLATTEN_WITHIN_MS - 1_000 }),
      status(ctx),
    ]);
    const elapsedMs = Date.now() - pressedMs;
    const text = await res.text();
    check(res.status === 200, `POST /v1/flatten answered ${res.status}: ${text}`);
    const report = FlattenReport.parse(JSON.parse(text));
    check(
      report.status === 'finished' && elapsedMs <= FLATTEN_WITHIN_MS,
      `the report took ${elapsedMs} ms (${report.status})`,
    );
    const mine = report.markets.find((m) => m.ticker === market.ticker);
    check(mine !== undefined, 'the report does not name the held market');
    check(
      mine.status === 'flattened'
        ? mine.positionAfterE2 === 0
        : mine.status === 'residual' && mine.reason !== null,
      `the market ended ${mine.status} at ${mine.positionAfterE2}`,
    );
    check((await ctx.tradingState()).mode === 'halted', 'trading is not halted after Flatten All');
    const venueLight = `${atPress.health.components.venue.light}: ${atPress.health.components.venue.detail}`;
    await ctx.resume('chaos: after flatten');
    return `pressed with the WS just dropped (venue light at press: ${venueLight}); finished in ${elapsedMs} ms, ${market.ticker} ${mine.status}${mine.reason === null ? '' : ` (${mine.reason})`}; halted until resumed`;
  },
};
