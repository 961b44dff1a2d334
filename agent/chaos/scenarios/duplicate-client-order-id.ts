import { OrderResponse } from '@pt/protocol';
import { freshMarket, venueOrdersFor } from '../steps.js';
import { check, type Scenario } from '../types.js';

/** The same client_order_id sent twice in sequence, and another sent twice at the same instant. */
export const duplicateClientOrderId: Scenario = {
  name: 'duplicate-client-order-id',
  expected:
    'the repeat answers 200 with the existing order, and two concurrent sends of one id yield one order: never a second venue order',
  async run(ctx) {
    const { ticker } = await freshMarket(ctx);
    const sequential = ctx.clientOrderId('dup-seq');
    const statuses: number[] = [];
    const ids: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, sequential));
      statuses.push(res.status);
      ids.push(OrderResponse.parse(await res.json()).order.orderId);
    }
    check(statuses[0] === 201 && statuses[1] === 200, `sequential repeat answered ${statuses.join(', ')}`);
    check(ids[0] !== null && ids[0] === ids[1], 'the repeat returned another order');
    const concurrent = ctx.clientOrderId('dup-par');
    const both = await Promise.all(
      [0, 1].map(() => ctx.call('POST', '/v1/orders', ctx.restingBid(ticker, concurrent))),
    );
    const bodies = await Promise.all(
      both.map(async (res) => ({ status: res.status, text: await res.text() })),
    );
    const placed = bodies.filter((b) => b.status === 200 || b.status === 201);
    check(
      placed.length >= 1,
      `neither concurrent send placed: ${bodies.map((b) => `${b.status} ${b.text}`).join(' / ')}`,
    );
    const answers = placed.map((b) => OrderResponse.parse(JSON.parse(b.text)).order);
    const venueSeq = await venueOrdersFor(ctx, sequential);
    const venuePar = await venueOrdersFor(ctx, concurrent);
    // The repeat may arrive while the first send is in flight: it answers the same order, still
    // `submitting` (no venue id yet). What must never happen is a second order for the id.
    const acknowledged = new Set(answers.map((o) => o.orderId).filter((id) => id !== null));
    check(
      acknowledged.size <= 1 && answers.every((o) => o.clientOrderId === concurrent),
      `the concurrent sends answered different orders (${answers.map((o) => `${o.status} ${o.orderId ?? 'no order id'}`).join(' / ')})`,
    );
    const resolved = await ctx.orderIn(concurrent, ['resting'], 15_000);
    check(
      venueSeq.length === 1 && venuePar.length === 1,
      `venue orders: ${venueSeq.length} and ${venuePar.length}`,
    );
    check(resolved.orderId === venuePar[0]?.orderId, 'the agent order is not the venue order');
    const inFlight = answers.filter((o) => o.status === 'submitting').length;
    return `sequential: ${statuses.join(' then ')}, same order; concurrent: ${bodies.map((b) => b.status).join(' and ')}, one order (${inFlight} answer(s) still in flight, submitting); 1 venue order each`;
  },
};
