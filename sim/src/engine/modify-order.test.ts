import { describe, expect, it } from 'vitest';
import type { PlaceOrderResult } from './types.js';
import { gtc, setup, TICKER } from './test-helpers.js';

function accepted(result: PlaceOrderResult) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.details}`);
  return result.order;
}

describe('cancel', () => {
  it('cancels a resting order, reports reduced_by, and answers 0 for a finished one', () => {
    const { exchange } = setup();
    const order = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 250)));
    expect(exchange.cancelOrder('alice', order.orderId)).toMatchObject({ ok: true, reducedByE2: 250 });
    expect(exchange.cancelOrder('alice', order.orderId)).toMatchObject({ ok: true, reducedByE2: 0 });
    expect(exchange.cancelOrder('bob', order.orderId)).toMatchObject({
      ok: false,
      error: { code: 'order_not_found' },
    });
  });

  it('cancelAll cancels every resting order of the user only', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('bid', 4000, 100));
    exchange.placeOrder('alice', gtc('ask', 6000, 100));
    exchange.placeOrder('bob', gtc('bid', 3000, 100));
    expect(exchange.cancelAll('alice')).toHaveLength(2);
    expect(exchange.book(TICKER)).toMatchObject({ yes: [[3000, 100]], no: [] });
  });
});

describe('decrease', () => {
  it('reduce_by and reduce_to shrink in place and keep queue priority', () => {
    const { exchange } = setup();
    const first = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 500)));
    const second = accepted(exchange.placeOrder('bob', gtc('bid', 4000, 100)));
    expect(exchange.decreaseOrder('alice', first.orderId, { reduceByE2: 200 })).toMatchObject({
      ok: true,
      order: { remainingCountE2: 300, lastUpdateReason: 'Decrease' },
    });
    expect(exchange.decreaseOrder('alice', first.orderId, { reduceToE2: 100 })).toMatchObject({
      ok: true,
      order: { remainingCountE2: 100 },
    });
    expect(exchange.queuePosition('bob', second.orderId)).toBe(100);
    expect(exchange.book(TICKER)?.yes).toEqual([[4000, 200]]);
  });

  it('reduce_to 0 cancels; a non-reducing request is invalid', () => {
    const { exchange } = setup();
    const order = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 500)));
    expect(exchange.decreaseOrder('alice', order.orderId, { reduceToE2: 600 }).ok).toBe(false);
    expect(exchange.decreaseOrder('alice', order.orderId, { reduceByE2: 0 }).ok).toBe(false);
    expect(exchange.decreaseOrder('alice', order.orderId, { reduceToE2: 0 })).toMatchObject({
      ok: true,
      order: { status: 'canceled', remainingCountE2: 0 },
    });
  });
});

describe('amend', () => {
  it('a size decrease keeps priority; a price change re-queues at the back', () => {
    const { exchange } = setup();
    const a = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 500)));
    const b = accepted(exchange.placeOrder('bob', gtc('bid', 4000, 100)));
    exchange.amendOrder('alice', a.orderId, { ticker: TICKER, side: 'bid', priceE4: 4000, countE2: 300 });
    expect(exchange.queuePosition('alice', a.orderId)).toBe(0);
    exchange.amendOrder('alice', a.orderId, { ticker: TICKER, side: 'bid', priceE4: 4100, countE2: 300 });
    exchange.amendOrder('alice', a.orderId, { ticker: TICKER, side: 'bid', priceE4: 4000, countE2: 300 });
    expect(exchange.queuePosition('alice', a.orderId)).toBe(100);
    expect(exchange.queuePosition('bob', b.orderId)).toBe(0);
  });

  it('count is the new total including fills; a crossing amend trades', () => {
    const { exchange } = setup();
    const bid = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 500)));
    exchange.placeOrder('bob', gtc('ask', 4000, 200)); // alice fills 2
    exchange.placeOrder('bob', gtc('ask', 4500, 100));
    expect(
      exchange.amendOrder('alice', bid.orderId, { ticker: TICKER, side: 'bid', priceE4: 4000, countE2: 200 })
        .ok,
    ).toBe(false);
    const amended = exchange.amendOrder('alice', bid.orderId, {
      ticker: TICKER,
      side: 'bid',
      priceE4: 4500,
      countE2: 600,
    });
    expect(amended).toMatchObject({
      ok: true,
      order: { fillCountE2: 300, remainingCountE2: 300, priceE4: 4500 },
    });
    if (amended.ok)
      expect(amended.fills.map((f) => [f.yesPriceE4, f.countE2, f.isTaker])).toEqual([[4500, 100, true]]);
  });

  it('checks ticker and side, and a post-only amend may not cross', () => {
    const { exchange } = setup();
    const bid = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 100, { postOnly: true })));
    exchange.placeOrder('bob', gtc('ask', 4500, 100));
    const base = { ticker: TICKER, side: 'bid' as const, priceE4: 4000, countE2: 100 };
    expect(exchange.amendOrder('alice', bid.orderId, { ...base, side: 'ask' })).toMatchObject({
      ok: false,
      error: { code: 'order_side_mismatch' },
    });
    expect(exchange.amendOrder('alice', bid.orderId, { ...base, ticker: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'order_ticker_mismatch' },
    });
    expect(exchange.amendOrder('alice', bid.orderId, { ...base, priceE4: 4500 })).toMatchObject({
      ok: false,
      error: { details: 'post only cross' },
    });
    expect(exchange.getOrder('alice', bid.orderId)).toMatchObject({ status: 'resting', priceE4: 4000 });
  });

  it('updated_client_order_id renames the order and guards duplicates', () => {
    const { exchange } = setup();
    const a = accepted(exchange.placeOrder('alice', gtc('bid', 4000, 100, { clientOrderId: 'one' })));
    accepted(exchange.placeOrder('alice', gtc('bid', 3000, 100, { clientOrderId: 'two' })));
    const base = { ticker: TICKER, side: 'bid' as const, priceE4: 4100, countE2: 100 };
    expect(exchange.amendOrder('alice', a.orderId, { ...base, updatedClientOrderId: 'two' })).toMatchObject({
      ok: false,
      error: { code: 'order_already_exists' },
    });
    expect(exchange.amendOrder('alice', a.orderId, { ...base, updatedClientOrderId: 'three' })).toMatchObject(
      {
        ok: true,
        order: { clientOrderId: 'three' },
      },
    );
  });
});
