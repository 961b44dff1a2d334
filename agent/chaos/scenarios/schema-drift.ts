import { eventually } from '../context.js';
import { freshMarket, seconds, status, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/**
 * Schema drift: the venue renames `remaining_count` in its answer to creates. The halt holds after
 * the drift ends (a human must decide); the trader's resume (`POST /v1/trading-state` active) is
 * that decision: it acknowledges the contract violation and trading is active again, no restart.
 */
export const schemaDrift: Scenario = {
  name: 'schema-drift',
  expected:
    'the create answer without remaining_count fails closed: API contract light red naming the field, trading HALTED, the order resolved by client_order_id (one venue order), a further order refused while halted; still halted after the drift ends until the trader resumes, then active with the light green',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    await ctx.admin('/faults/drift', {
      field: 'remaining_count',
      rename_to: 'remaining',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      count: 1,
    });
    try {
      const clientOrderId = ctx.clientOrderId('drift');
      const driftMs = Date.now();
      const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, clientOrderId));
      const firstAnswer = `${res.status} ${((await res.json()) as { order?: { status?: string } }).order?.status ?? ''}`;
      // The health light follows the violation within a moment: poll it briefly.
      const contract = await eventually(
        async () => {
          const light = (await status(ctx)).health.components.apiContract;
          return light.light === 'red' ? light : undefined;
        },
        'the API contract light to turn red',
        5_000,
      );
      check(
        /remaining_count/.test(contract.detail),
        `the contract detail does not name the field: ${contract.detail}`,
      );
      const state = await ctx.tradingState();
      check(state.mode === 'halted', `trading is ${state.mode} with the contract broken`);
      const refused = await ctx.call(
        'POST',
        '/v1/orders',
        ctx.restingBid(ticker, ctx.clientOrderId('drift-new')),
      );
      check(refused.status === 409, `a new order while halted answered ${refused.status}`);
      await refused.text();
      const resolved = await ctx.orderIn(clientOrderId, ['resting', 'rejected'], 20_000);
      const onVenue = await venueOrdersFor(ctx, clientOrderId);
      check(onVenue.length === 1, `${onVenue.length} venue orders for the drifted create`);
      await ctx.admin('/faults', undefined, 'DELETE');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const afterDrift = await ctx.tradingState();
      check(
        afterDrift.mode === 'halted',
        `trading was ${afterDrift.mode} after the drift, before any human decision`,
      );
      await ctx.resume('chaos: the drifted field is understood, trade again');
      const light = (await status(ctx)).health.components.apiContract.light;
      check(light === 'green', `the API contract light is ${light} after the resume`);
      return (
        `create answered ${firstAnswer}; contract red ("${contract.detail}") and trading halted ${seconds(driftMs)} after; ` +
        `a new order refused (409); the drifted order resolved ${resolved.status} (1 venue order); ` +
        `3 s after the drift ended trading was still halted; the trader's resume cleared it: active, light ${light}`
      );
    } finally {
      await ctx.admin('/faults', undefined, 'DELETE');
    }
  },
};
