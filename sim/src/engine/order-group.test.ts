import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './types.js';
import { gtc, setup, TICKER } from './test-helpers.js';

function groupFor(exchange: ReturnType<typeof setup>['exchange'], userId: string, limitE2: number): string {
  const created = exchange.createOrderGroup(userId, limitE2);
  if (!created.ok) throw new Error(created.error.details);
  return created.group.orderGroupId;
}

describe('order groups', () => {
  it('caps matching at the limit, then cancels the group and blocks it until reset', () => {
    const { exchange } = setup();
    const groupId = groupFor(exchange, 'alice', 500);
    const quote = exchange.placeOrder('alice', gtc('ask', 6000, 1000, { orderGroupId: groupId }));
    const other = exchange.placeOrder('alice', gtc('bid', 4000, 100, { orderGroupId: groupId }));
    if (!quote.ok || !other.ok) throw new Error('rejected');
    const taker = exchange.placeOrder('bob', gtc('bid', 6000, 800));
    if (!taker.ok) throw new Error('rejected');
    expect(taker.fills.reduce((sum, f) => sum + f.countE2, 0)).toBe(500);
    expect(exchange.getOrder('alice', quote.order.orderId)).toMatchObject({
      status: 'canceled',
      fillCountE2: 500,
    });
    expect(exchange.getOrder('alice', other.order.orderId)?.status).toBe('canceled');
    expect(exchange.getOrderGroup('alice', groupId)).toMatchObject({ isTriggered: true, orderIds: [] });
    expect(exchange.placeOrder('alice', gtc('bid', 4000, 100, { orderGroupId: groupId }))).toMatchObject({
      ok: false,
      error: { code: 'order_group_triggered' },
    });
    expect(exchange.resetOrderGroup('alice', groupId).ok).toBe(true);
    expect(exchange.placeOrder('alice', gtc('bid', 4000, 100, { orderGroupId: groupId })).ok).toBe(true);
  });

  it('counts matches over a rolling 15-second window', () => {
    const { exchange, clock } = setup();
    const groupId = groupFor(exchange, 'alice', 300);
    exchange.placeOrder('bob', gtc('ask', 5000, 10_000));
    const ioc = (countE2: number) =>
      exchange.placeOrder(
        'alice',
        gtc('bid', 5000, countE2, { orderGroupId: groupId, timeInForce: 'immediate_or_cancel' }),
      );
    expect(ioc(200)).toMatchObject({ ok: true, order: { fillCountE2: 200 } });
    clock.advance(10_000);
    expect(ioc(200)).toMatchObject({ ok: true, order: { fillCountE2: 100 } }); // capped: limit reached
    expect(exchange.getOrderGroup('alice', groupId)?.isTriggered).toBe(true);
    exchange.resetOrderGroup('alice', groupId);
    clock.advance(16_000);
    expect(exchange.getOrderGroup('alice', groupId)?.matchedInWindowE2).toBe(0);
    expect(ioc(200)).toMatchObject({ ok: true, order: { fillCountE2: 200 } });
  });

  it('a FoK larger than the remaining group headroom is killed without fills', () => {
    const { exchange } = setup();
    const groupId = groupFor(exchange, 'alice', 100);
    exchange.placeOrder('bob', gtc('ask', 5000, 1000));
    const fok = exchange.placeOrder(
      'alice',
      gtc('bid', 5000, 200, { orderGroupId: groupId, timeInForce: 'fill_or_kill' }),
    );
    expect(fok).toMatchObject({ ok: true, order: { status: 'canceled', fillCountE2: 0 }, fills: [] });
  });

  it('trigger, limit update and delete, with events', () => {
    const { exchange } = setup();
    const events: EngineEvent[] = [];
    exchange.subscribe((e) => events.push(e));
    const groupId = groupFor(exchange, 'alice', 500);
    const order = exchange.placeOrder('alice', gtc('bid', 4000, 100, { orderGroupId: groupId }));
    if (!order.ok) throw new Error('rejected');
    expect(exchange.updateOrderGroupLimit('alice', groupId, 0).ok).toBe(false);
    expect(exchange.updateOrderGroupLimit('alice', groupId, 200)).toMatchObject({
      ok: true,
      group: { contractsLimitE2: 200 },
    });
    expect(exchange.triggerOrderGroup('alice', groupId)).toMatchObject({
      ok: true,
      group: { isTriggered: true },
    });
    expect(exchange.getOrder('alice', order.order.orderId)?.status).toBe('canceled');
    expect(exchange.triggerOrderGroup('bob', groupId)).toMatchObject({
      ok: false,
      error: { code: 'order_group_not_found' },
    });
    expect(exchange.deleteOrderGroup('alice', groupId).ok).toBe(true);
    expect(exchange.getOrderGroup('alice', groupId)).toBeUndefined();
    const groupEvents = events.flatMap((e) => (e.type === 'order_group' ? [e.eventType] : []));
    expect(groupEvents).toEqual(['created', 'limit_updated', 'triggered', 'deleted']);
    expect(exchange.book(TICKER)?.yes).toEqual([]);
  });

  it('rejects an unknown or foreign group id', () => {
    const { exchange } = setup();
    const groupId = groupFor(exchange, 'bob', 500);
    expect(exchange.placeOrder('alice', gtc('bid', 4000, 100, { orderGroupId: groupId }))).toMatchObject({
      ok: false,
      error: { code: 'order_group_not_found' },
    });
  });
});
