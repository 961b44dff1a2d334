import { describe, expect, it } from 'vitest';
import { newFeeAccumulator } from './fees.js';
import { Ladder } from './ladder.js';
import type { OrderState } from './order-state.js';

function order(id: string, remainingCountE2: number): OrderState {
  return {
    orderId: id,
    userId: 'u',
    clientOrderId: '',
    ticker: 'T',
    side: 'bid',
    priceE4: 0,
    initialCountE2: remainingCountE2,
    fillCountE2: 0,
    remainingCountE2,
    status: 'resting',
    timeInForce: 'good_till_canceled',
    selfTradePrevention: 'maker',
    isPostOnly: false,
    isReduceOnly: false,
    shouldCancelOnPause: false,
    orderGroupId: null,
    expirationTimeMs: null,
    subaccount: 0,
    createdTimeMs: 0,
    lastUpdateTimeMs: 0,
    lastUpdateReason: null,
    takerFillCostE6: 0,
    makerFillCostE6: 0,
    takerFeesE6: 0,
    makerFeesE6: 0,
    fee: newFeeAccumulator(),
    isOnBook: false,
    reserveCache: null,
    trackedReserve: null,
  };
}

describe('Ladder', () => {
  it('keeps levels best first, aggregates sizes and moves the best price when a level empties', () => {
    const ladder = new Ladder();
    const a = order('a', 100);
    const b = order('b', 200);
    const c = order('c', 50);
    ladder.add(a, 4000);
    ladder.add(b, 4500);
    ladder.add(c, 4000);
    expect(ladder.snapshot(0)).toEqual([
      [4500, 200],
      [4000, 150],
    ]);
    expect(ladder.snapshot(1)).toEqual([[4500, 200]]);
    ladder.remove(b, 4500, 200);
    expect(ladder.bestPriceE4()).toBe(4000);
    expect([...(ladder.bestLevel()?.orders ?? [])].map((o) => o.orderId)).toEqual(['a', 'c']);
    ladder.shrink(4000, 30);
    expect(ladder.snapshot(0)).toEqual([[4000, 120]]);
    ladder.remove(a, 4000, 70);
    ladder.remove(c, 4000, 50);
    expect(ladder.bestPriceE4()).toBeNull();
    expect(ladder.snapshot(0)).toEqual([]);
  });
});
