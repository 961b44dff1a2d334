/**
 * The chaos suite's invariant checkers on hand-made views: each holds on a consistent picture and
 * names the violation when one is planted (a duplicate venue order, a missing fill, an order sent
 * while halted, a flatten that left a position unreported or took too long).
 */
import { describe, expect, it } from 'vitest';
import { FlattenReport } from '@pt/protocol';
import { flattenOutcome } from '../../chaos/invariants/flatten-outcome.js';
import { noExposureWhileHalted, windowsWithin } from '../../chaos/invariants/halted-exposure.js';
import { ledgerEqualsVenue } from '../../chaos/invariants/ledger-equals-venue.js';
import { noDuplicateOrders } from '../../chaos/invariants/no-duplicate-orders.js';
import type { AgentOrderRow, AgentView, VenueOrderRow, VenueTruth } from '../../chaos/invariants/views.js';

function venueOrder(over: Partial<VenueOrderRow> = {}): VenueOrderRow {
  return {
    orderId: 'v-1',
    clientOrderId: 'pt-1',
    ticker: 'KXU3-26JAN-T4.5',
    status: 'resting',
    fillCountE2: 0,
    createdAtMs: 1_000_000,
    ...over,
  };
}

function agentOrder(over: Partial<AgentOrderRow> = {}): AgentOrderRow {
  return {
    orderId: 'v-1',
    clientOrderId: 'pt-1',
    ticker: 'KXU3-26JAN-T4.5',
    status: 'resting',
    filledCountE2: 0,
    origin: 'manual',
    ...over,
  };
}

function consistent(): { agent: AgentView; venue: VenueTruth } {
  return {
    venue: {
      orders: [
        venueOrder(),
        venueOrder({ orderId: 'v-2', clientOrderId: 'pt-2', status: 'executed', fillCountE2: 100 }),
      ],
      fillsByOrder: new Map([['v-2', 100]]),
      positions: new Map([['KXU3-26JAN-T4.5', 100]]),
      balanceE6: 9_999_470_000,
    },
    agent: {
      orders: [
        agentOrder(),
        agentOrder({ orderId: 'v-2', clientOrderId: 'pt-2', status: 'filled', filledCountE2: 100 }),
      ],
      fillsByOrder: new Map([['v-2', 100]]),
      positions: new Map([['KXU3-26JAN-T4.5', 100]]),
      availableE6: 9_999_470_000,
    },
  };
}

describe('ledger equals venue', () => {
  it('holds on a consistent picture', () => {
    const { agent, venue } = consistent();
    expect(ledgerEqualsVenue(agent, venue)).toEqual([]);
  });

  it('catches a venue order the agent does not know, and an agent order the venue never had', () => {
    const { agent, venue } = consistent();
    venue.orders.push(venueOrder({ orderId: 'v-3', clientOrderId: 'pt-3' }));
    agent.orders.push(agentOrder({ orderId: 'v-9', clientOrderId: 'pt-9' }));
    expect(ledgerEqualsVenue(agent, venue)).toEqual([
      "venue order v-3 (pt-3) is not in the agent's orders",
      'agent order v-9 (resting) does not exist on the venue',
    ]);
  });

  it('catches a status or fill count that differs, and an order left unknown', () => {
    const { agent, venue } = consistent();
    agent.orders[0] = agentOrder({ status: 'canceled' });
    agent.orders.push(agentOrder({ orderId: null, clientOrderId: 'pt-4', status: 'unknown' }));
    venue.orders[1] = venueOrder({
      orderId: 'v-2',
      clientOrderId: 'pt-2',
      status: 'executed',
      fillCountE2: 200,
    });
    expect(ledgerEqualsVenue(agent, venue)).toEqual([
      'order v-1: agent says canceled, venue says resting',
      'order v-2: agent filled 100, venue 200 (E2)',
      'order pt-4 is still unknown (never reconciled)',
    ]);
  });

  it('catches a missing fill, a different position and a different balance', () => {
    const { agent, venue } = consistent();
    agent.fillsByOrder.delete('v-2');
    agent.positions.set('KXU3-26JAN-T4.5', 200);
    agent.availableE6 = 10_000_000_000;
    expect(ledgerEqualsVenue(agent, venue)).toEqual([
      'fills of order v-2: agent 0, venue 100 (E2)',
      'position KXU3-26JAN-T4.5: agent 200, venue 100 (E2)',
      'balance: agent 10000000000, venue 9999470000 (E6)',
    ]);
  });

  it('accepts a balance the venue reported within the refresh lag, and only that one', () => {
    const { agent, venue } = consistent();
    agent.availableE6 = 10_000_000_000;
    expect(ledgerEqualsVenue(agent, venue, [10_000_000_000])).toEqual([]);
    expect(ledgerEqualsVenue(agent, venue, [9_999_990_000])).toHaveLength(1);
  });
});

describe('no duplicate venue orders', () => {
  it('passes distinct client order ids and orders without one', () => {
    const orders = [venueOrder(), venueOrder({ orderId: 'v-2', clientOrderId: 'pt-2' })];
    orders.push(
      venueOrder({ orderId: 'v-3', clientOrderId: undefined }),
      venueOrder({ orderId: 'v-4', clientOrderId: undefined }),
    );
    expect(noDuplicateOrders(orders)).toEqual([]);
  });

  it('names a client order id with two venue orders', () => {
    const listing = [
      venueOrder(),
      venueOrder({ orderId: 'v-2', clientOrderId: 'pt-2' }),
      venueOrder({ orderId: 'v-5' }),
    ];
    expect(noDuplicateOrders(listing)).toEqual(['client order id pt-1 has 2 venue orders: v-1, v-5']);
  });
});

describe('no exposure while halted', () => {
  const windows = [{ fromMs: 10_000, toMs: 20_000 }];

  it('ignores orders outside the window, near its edges and those Flatten All sent', () => {
    const venue = [
      venueOrder({ orderId: 'a', createdAtMs: 9_000 }),
      venueOrder({ orderId: 'b', createdAtMs: 10_100 }),
      venueOrder({ orderId: 'c', createdAtMs: 15_000 }),
    ];
    const agent = [
      agentOrder({ orderId: 'a' }),
      agentOrder({ orderId: 'b' }),
      agentOrder({ orderId: 'c', origin: 'flatten' }),
    ];
    expect(noExposureWhileHalted(windows, venue, agent)).toEqual([]);
  });

  it('catches a manual or strategy order created inside a halted window', () => {
    const venue = [venueOrder({ orderId: 'd', clientOrderId: 'pt-d', createdAtMs: 15_000 })];
    const agent = [agentOrder({ orderId: 'd', origin: 'strategy' })];
    expect(noExposureWhileHalted(windows, venue, agent)).toEqual([
      'venue order d (pt-d, strategy) created at 15000 while halted (10000–20000)',
    ]);
  });

  it('clips windows to a scenario span', () => {
    expect(windowsWithin([{ fromMs: 0, toMs: 50 }, ...windows], 12_000, 30_000)).toEqual([
      { fromMs: 12_000, toMs: 20_000 },
    ]);
  });
});

describe('Flatten All outcome', () => {
  const base = {
    flattenId: '5b7c1a52-8f5e-4c8e-9d0a-3f1f2b7a9c11',
    status: 'finished',
    startedAtMs: 1_000,
    finishedAtMs: 2_000,
    maxSlippageE4: 3_000,
    deadlineMs: 4_000,
    isHaltPersisted: true,
    cancel: null,
    positionsBefore: 1,
    positionsAfter: 0,
    failure: null,
  };

  const report = (markets: unknown[]): FlattenReport => FlattenReport.parse({ ...base, markets });

  it('holds when every market ended flat or residual with a reason, in time', () => {
    const r = report([
      {
        ticker: 'A',
        positionBeforeE2: 100,
        positionAfterE2: 0,
        status: 'flattened',
        reason: null,
        detail: null,
        ordersSent: 1,
        filledCountE2: 100,
      },
      {
        ticker: 'B',
        positionBeforeE2: 100,
        positionAfterE2: 100,
        status: 'residual',
        reason: 'market_closed',
        detail: 'closed',
        ordersSent: 0,
        filledCountE2: 0,
      },
    ]);
    expect(flattenOutcome(r, 800, new Map([['B', 100]]))).toEqual([]);
  });

  it('catches a slow report and a venue position the report does not name', () => {
    const r = report([
      {
        ticker: 'A',
        positionBeforeE2: 100,
        positionAfterE2: 0,
        status: 'flattened',
        reason: null,
        detail: null,
        ordersSent: 1,
        filledCountE2: 100,
      },
    ]);
    expect(flattenOutcome(r, 5_200, new Map([['C', -100]]))).toEqual([
      'the report took 5200 ms (limit 5000 ms)',
      'C: venue still holds -100 (E2) but the report names no residual',
    ]);
  });
});
