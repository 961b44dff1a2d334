import { describe, expect, it } from 'vitest';
import type { PlaceOrderResult } from './types.js';
import { gtc, setup, TICKER } from './test-helpers.js';

function accepted(result: PlaceOrderResult) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.details}`);
  return result;
}

describe('price-time priority', () => {
  it('fills the better price first, then earlier orders at the same price', () => {
    const { exchange } = setup(['alice', 'bob', 'carol', 'dave']);
    const first = accepted(exchange.placeOrder('alice', gtc('ask', 5000, 100)));
    const second = accepted(exchange.placeOrder('bob', gtc('ask', 5000, 100)));
    const better = accepted(exchange.placeOrder('carol', gtc('ask', 4900, 100)));
    const taker = accepted(exchange.placeOrder('dave', gtc('bid', 5000, 250)));
    expect(taker.fills.map((f) => [f.yesPriceE4, f.countE2])).toEqual([
      [4900, 100],
      [5000, 100],
      [5000, 50],
    ]);
    expect(exchange.getOrder('carol', better.order.orderId)?.status).toBe('executed');
    expect(exchange.getOrder('alice', first.order.orderId)?.status).toBe('executed');
    expect(exchange.getOrder('bob', second.order.orderId)?.remainingCountE2).toBe(50);
  });

  it('an ask sells into YES bids best first at the bid price', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('bid', 4000, 100));
    exchange.placeOrder('bob', gtc('bid', 4500, 100));
    const taker = accepted(exchange.placeOrder('carol', gtc('ask', 3900, 150)));
    expect(taker.fills.map((f) => [f.yesPriceE4, f.countE2])).toEqual([
      [4500, 100],
      [4000, 50],
    ]);
    expect(exchange.book(TICKER)?.yes).toEqual([[4000, 50]]);
  });

  it('does not trade when the book does not cross', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('bid', 4500, 100));
    const ask = accepted(exchange.placeOrder('bob', gtc('ask', 4600, 100)));
    expect(ask.fills).toHaveLength(0);
    expect(ask.order.status).toBe('resting');
  });

  it('keeps a GTC remainder resting after a partial fill', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('ask', 5000, 100));
    const taker = accepted(exchange.placeOrder('bob', gtc('bid', 5500, 300)));
    expect(taker.order).toMatchObject({ status: 'resting', fillCountE2: 100, remainingCountE2: 200 });
    expect(exchange.book(TICKER)).toMatchObject({ yes: [[5500, 200]], no: [] });
  });
});

describe('time in force', () => {
  it('IOC fills what it can and cancels the rest', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('ask', 5000, 100));
    const ioc = accepted(
      exchange.placeOrder('bob', gtc('bid', 5000, 300, { timeInForce: 'immediate_or_cancel' })),
    );
    expect(ioc.order).toMatchObject({ status: 'canceled', fillCountE2: 100, remainingCountE2: 0 });
    expect(exchange.book(TICKER)).toMatchObject({ yes: [], no: [] });
  });

  it('FoK fills completely or not at all', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('ask', 5000, 100));
    exchange.placeOrder('alice', gtc('ask', 5200, 100));
    const killed = accepted(
      exchange.placeOrder('bob', gtc('bid', 5100, 150, { timeInForce: 'fill_or_kill' })),
    );
    expect(killed.order).toMatchObject({ status: 'canceled', fillCountE2: 0 });
    expect(killed.fills).toHaveLength(0);
    expect(exchange.book(TICKER)?.no).toEqual([
      [5000, 100],
      [4800, 100],
    ]);
    const filled = accepted(
      exchange.placeOrder('bob', gtc('bid', 5200, 150, { timeInForce: 'fill_or_kill' })),
    );
    expect(filled.order).toMatchObject({ status: 'executed', fillCountE2: 150 });
  });
});

describe('post-only', () => {
  it('rejects a crossing post-only order and creates nothing', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('ask', 5000, 100));
    const rejected = exchange.placeOrder('bob', gtc('bid', 5000, 100, { postOnly: true }));
    expect(rejected).toMatchObject({
      ok: false,
      error: { code: 'invalid_order', details: 'post only cross' },
    });
    expect(exchange.listOrders('bob')).toHaveLength(0);
    expect(exchange.placeOrder('bob', gtc('bid', 4900, 100, { postOnly: true })).ok).toBe(true);
  });
});

describe('self-trade prevention', () => {
  it('taker_at_cross cancels the taker and keeps fills made before reaching the own order', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4900, 100));
    const own = accepted(exchange.placeOrder('alice', gtc('ask', 5000, 100)));
    const taker = accepted(exchange.placeOrder('alice', gtc('bid', 5000, 300)));
    expect(taker.order).toMatchObject({
      status: 'canceled',
      fillCountE2: 100,
      lastUpdateReason: 'SelfTradeCancel',
    });
    expect(exchange.getOrder('alice', own.order.orderId)?.status).toBe('resting');
  });

  it('maker cancels the resting own order and keeps matching', () => {
    const { exchange } = setup();
    const own = accepted(exchange.placeOrder('alice', gtc('ask', 4900, 100)));
    exchange.placeOrder('bob', gtc('ask', 5000, 100));
    const taker = accepted(
      exchange.placeOrder('alice', gtc('bid', 5000, 100, { selfTradePrevention: 'maker' })),
    );
    expect(exchange.getOrder('alice', own.order.orderId)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'SelfTradeCancel',
    });
    expect(taker.fills.map((f) => [f.userId, f.yesPriceE4])).toEqual([['alice', 5000]]);
    expect(taker.order.status).toBe('executed');
  });
});

describe('reduce-only', () => {
  it('caps the count at the position and rejects when there is nothing to reduce', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 5000, 300));
    exchange.placeOrder('alice', gtc('bid', 5000, 300)); // alice +3 YES
    expect(exchange.placeOrder('alice', gtc('bid', 4000, 100, { reduceOnly: true }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_order' },
    });
    const reducing = accepted(exchange.placeOrder('alice', gtc('ask', 6000, 1000, { reduceOnly: true })));
    expect(reducing.order.initialCountE2).toBe(300);
  });

  it('shrinks a resting reduce-only order when the position shrinks', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 5000, 300));
    exchange.placeOrder('alice', gtc('bid', 5000, 300));
    const resting = accepted(exchange.placeOrder('alice', gtc('ask', 6000, 300, { reduceOnly: true })));
    exchange.placeOrder('carol', gtc('bid', 5500, 200));
    exchange.placeOrder('alice', gtc('ask', 5500, 200)); // sells 2 elsewhere: position +1
    expect(exchange.getOrder('alice', resting.order.orderId)).toMatchObject({
      remainingCountE2: 100,
      lastUpdateReason: 'ReduceOnlyCancel',
    });
  });
});

describe('validation', () => {
  it('rejects counts that are not positive multiples of 0.01', () => {
    const { exchange } = setup();
    for (const countE2 of [0, -100, 1.5]) {
      const placed = exchange.placeOrder('alice', gtc('bid', 5000, countE2));
      expect(placed.ok).toBe(false);
      if (!placed.ok)
        expect(`${placed.error.code} ${placed.error.details}`).toMatch(/^invalid_order .*count/);
    }
    expect(exchange.placeOrder('alice', gtc('bid', 5000, 1)).ok).toBe(true); // 0.01 contract
  });

  it('rejects a duplicate client_order_id with 409 even after the first order finished', () => {
    const { exchange } = setup();
    const first = accepted(exchange.placeOrder('alice', gtc('bid', 5000, 100, { clientOrderId: 'abc' })));
    exchange.cancelOrder('alice', first.order.orderId);
    expect(exchange.placeOrder('alice', gtc('bid', 5000, 100, { clientOrderId: 'abc' }))).toMatchObject({
      ok: false,
      error: { code: 'order_already_exists', httpStatus: 409 },
    });
    expect(exchange.placeOrder('bob', gtc('bid', 5000, 100, { clientOrderId: 'abc' })).ok).toBe(true);
  });

  it('rejects unknown markets and users', () => {
    const { exchange } = setup();
    expect(exchange.placeOrder('alice', gtc('bid', 5000, 100, { ticker: 'NOPE' }))).toMatchObject({
      ok: false,
      error: { code: 'market_not_found', httpStatus: 404 },
    });
    expect(exchange.placeOrder('mallory', gtc('bid', 5000, 100))).toMatchObject({
      ok: false,
      error: { code: 'user_not_found' },
    });
  });
});
