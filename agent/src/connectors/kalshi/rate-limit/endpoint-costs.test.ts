import { describe, expect, it } from 'vitest';
import { EndpointCostTable } from './endpoint-costs.js';

describe('EndpointCostTable', () => {
  const table = new EndpointCostTable();

  it.each([
    ['GET', '/markets', 'read', 10],
    ['GET', '/trade-api/v2/portfolio/orders/abc-123?subaccount=0', 'read', 2],
    ['POST', '/portfolio/events/orders', 'write', 10],
    ['DELETE', '/portfolio/events/orders/abc-123', 'write', 2],
    ['post', '/portfolio/events/orders/abc-123/amend', 'write', 10],
    ['POST', '/portfolio/order_groups/create', 'write', 10],
    ['POST', '/account/api_usage_level/upgrade', 'read', 30],
    ['GET', '/portfolio/events/orders/queue_positions', 'read', 10],
  ] as const)('%s %s → %s bucket, %i tokens (documented defaults)', (method, path, bucket, cost) => {
    expect(table.charge(method, path)).toEqual({ bucket, cost });
  });

  it('charges batches per item and does not read "batched" as an order id', () => {
    expect(table.charge('DELETE', '/portfolio/events/orders/batched', 25)).toEqual({
      bucket: 'write',
      cost: 50,
    });
    expect(table.charge('POST', '/portfolio/events/orders/batched', 25)).toEqual({
      bucket: 'write',
      cost: 250,
    });
  });

  it('uses the venue table when given one', () => {
    const venue = new EndpointCostTable({
      defaultCost: 5,
      endpointCosts: [{ method: 'DELETE', path: '/portfolio/events/orders', cost: 2 }],
    });
    expect(venue.charge('DELETE', '/portfolio/events/orders')).toEqual({ bucket: 'write', cost: 2 });
    expect(venue.charge('DELETE', '/portfolio/events/orders/x')).toEqual({ bucket: 'write', cost: 5 });
    expect(() => new EndpointCostTable({ defaultCost: -1, endpointCosts: [] })).toThrow(/defaultCost/);
  });
});
