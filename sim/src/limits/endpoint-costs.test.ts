import { describe, expect, it } from 'vitest';
import { classifyEndpoint } from './endpoint-costs.js';

describe('classifyEndpoint', () => {
  it.each([
    ['GET', '/markets', 'read', 10],
    ['GET', '/portfolio/balance', 'read', 10],
    ['GET', '/portfolio/orders/ord-1', 'read', 2],
    ['GET', '/portfolio/orders/queue_positions', 'read', 10],
    ['GET', '/portfolio/orders/ord-1/queue_position', 'read', 10],
    ['GET', '/portfolio/order_groups', 'read', 10],
    ['POST', '/portfolio/events/orders', 'write', 10],
    ['POST', '/portfolio/events/orders/ord-1/amend', 'write', 10],
    ['POST', '/portfolio/events/orders/ord-1/decrease', 'write', 10],
    ['DELETE', '/portfolio/events/orders/ord-1', 'write', 2],
    ['DELETE', '/portfolio/events/orders/ord-1/', 'write', 2],
    ['DELETE', '/portfolio/events/orders', 'write', 10],
    ['POST', '/portfolio/order_groups/create', 'write', 10],
    ['PUT', '/portfolio/order_groups/g1/reset', 'write', 10],
    ['DELETE', '/portfolio/order_groups/g1', 'write', 10],
    ['POST', '/account/api_usage_level/upgrade', 'read', 30],
  ] as const)('%s %s → %s bucket, cost %i', (method, path, bucket, cost) => {
    expect(classifyEndpoint(method, path)).toEqual({ bucket, cost });
  });

  it('charges batches per item: 25 creates = 250, 25 cancels = 50', () => {
    expect(classifyEndpoint('POST', '/portfolio/events/orders/batched', 25)).toEqual({
      bucket: 'write',
      cost: 250,
    });
    expect(classifyEndpoint('DELETE', '/portfolio/events/orders/batched', 25)).toEqual({
      bucket: 'write',
      cost: 50,
    });
    expect(classifyEndpoint('DELETE', '/portfolio/events/orders/batched', 0).cost).toBe(2);
  });
});
