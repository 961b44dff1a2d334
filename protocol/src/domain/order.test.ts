import { describe, expect, it } from 'vitest';
import { Order } from './order.js';

const resting = {
  orderId: 'ee587a1c-5b68-4f9f-9f02-9a2d1b8ac1a1',
  clientOrderId: 'pt-1732530000000-0001',
  ticker: 'KXHIGHNY-25DEC27-B33.5',
  side: 'bid',
  priceE4: 3500,
  countE2: 1000,
  filledCountE2: 0,
  remainingCountE2: 1000,
  timeInForce: 'good_till_canceled',
  status: 'resting',
  origin: { kind: 'manual' },
  statusDetail: null,
  createdAtMs: 1766732594993,
  updatedAtMs: 1766732594993,
};

describe('Order', () => {
  it('parses a resting order and a submitting one without a venue id', () => {
    expect(Order.parse(resting).status).toBe('resting');
    expect(Order.parse({ ...resting, orderId: null, status: 'submitting' }).orderId).toBeNull();
  });

  it('accepts a canceled order whose filled + remaining is below the count', () => {
    expect(
      Order.safeParse({ ...resting, status: 'canceled', filledCountE2: 250, remainingCountE2: 0 }).success,
    ).toBe(true);
  });

  it.each([
    ['over-filled', { filledCountE2: 600, remainingCountE2: 600 }, ['remainingCountE2']],
    [
      'filled with something left',
      { status: 'filled', filledCountE2: 500, remainingCountE2: 500 },
      ['remainingCountE2'],
    ],
    ['resting without venue id', { orderId: null }, ['orderId']],
    ['agent order without client id', { clientOrderId: null }, ['clientOrderId']],
    ['legacy venue status', { status: 'executed' }, ['status']],
    ['NO-leg side', { side: 'no' }, ['side']],
    ['strategy without id', { origin: { kind: 'strategy' } }, ['origin', 'strategyId']],
    ['negative price', { priceE4: -1 }, ['priceE4']],
    ['zero count', { countE2: 0, remainingCountE2: 0, status: 'canceled' }, ['countE2']],
    ['resting with fills', { filledCountE2: 100, remainingCountE2: 900 }, ['filledCountE2']],
    ['partially filled without fills', { status: 'partially_filled' }, ['filledCountE2']],
    ['resting with nothing left', { remainingCountE2: 0 }, ['remainingCountE2']],
    ['filled without fills', { status: 'filled', remainingCountE2: 0 }, ['filledCountE2']],
    [
      'filled without venue id',
      { status: 'filled', orderId: null, filledCountE2: 1000, remainingCountE2: 0 },
      ['orderId'],
    ],
  ])('rejects %s', (_name, patch, path) => {
    const result = Order.safeParse({ ...resting, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('allows an external order without a client order id', () => {
    expect(Order.safeParse({ ...resting, clientOrderId: null, origin: { kind: 'external' } }).success).toBe(
      true,
    );
  });
});
