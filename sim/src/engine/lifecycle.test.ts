import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './types.js';
import { gtc, setup, TICKER } from './test-helpers.js';

describe('market lifecycle', () => {
  it('closing cancels resting orders (CloseCancel) and blocks new ones', () => {
    const { exchange } = setup();
    const placed = exchange.placeOrder('alice', gtc('bid', 4000, 100));
    if (!placed.ok) throw new Error('rejected');
    expect(exchange.closeMarket(TICKER).ok).toBe(true);
    expect(exchange.getOrder('alice', placed.order.orderId)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'CloseCancel',
    });
    expect(exchange.book(TICKER)).toMatchObject({ yes: [], no: [] });
    expect(exchange.placeOrder('alice', gtc('bid', 4000, 100))).toMatchObject({
      ok: false,
      error: { code: 'market_not_active' },
    });
  });

  it('walks determined → disputed → determined → finalized and refuses illegal moves', () => {
    const { exchange } = setup();
    const events: EngineEvent[] = [];
    exchange.subscribe((e) => events.push(e));
    expect(exchange.settleMarket(TICKER).ok).toBe(false); // not determined yet
    expect(exchange.determineMarket(TICKER, 'no').ok).toBe(true); // closes first
    expect(exchange.disputeMarket(TICKER).ok).toBe(true);
    expect(exchange.getMarket(TICKER)?.status).toBe('disputed');
    expect(exchange.settleMarket(TICKER).ok).toBe(false);
    expect(exchange.determineMarket(TICKER, 'yes').ok).toBe(true);
    expect(exchange.settleMarket(TICKER).ok).toBe(true);
    expect(exchange.getMarket(TICKER)).toMatchObject({ status: 'finalized', result: 'yes' });
    const lifecycle = events.flatMap((e) => (e.type === 'lifecycle' ? [[e.eventType, e.status]] : []));
    expect(lifecycle).toEqual([
      ['close_date_updated', 'closed'],
      ['determined', 'determined'],
      ['metadata_updated', 'disputed'],
      ['determined', 'determined'],
      ['settled', 'finalized'],
    ]);
  });

  it('a deactivated market refuses orders, keeps resting ones, drops cancel_order_on_pause ones', () => {
    const { exchange } = setup();
    exchange.placeOrder('alice', gtc('bid', 4000, 100));
    exchange.placeOrder('alice', gtc('bid', 3000, 100, { cancelOrderOnPause: true }));
    exchange.deactivateMarket(TICKER);
    expect(exchange.placeOrder('bob', gtc('ask', 4000, 100)).ok).toBe(false);
    expect(exchange.book(TICKER)?.yes).toEqual([[4000, 100]]);
    exchange.activateMarket(TICKER);
    expect(exchange.placeOrder('bob', gtc('ask', 4000, 100)).ok).toBe(true);
  });
});

describe('trading pause', () => {
  it('refuses place and amend, allows cancel and decrease, cancels cancel_order_on_pause orders', () => {
    const { exchange } = setup();
    const keep = exchange.placeOrder('alice', gtc('bid', 4000, 300));
    const drop = exchange.placeOrder('alice', gtc('bid', 3900, 100, { cancelOrderOnPause: true }));
    if (!keep.ok || !drop.ok) throw new Error('rejected');
    exchange.setTradingPaused(true);
    expect(exchange.getOrder('alice', drop.order.orderId)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'HaltCancel',
    });
    expect(exchange.placeOrder('bob', gtc('ask', 4000, 100))).toMatchObject({
      ok: false,
      error: { code: 'trading_paused' },
    });
    const amend = exchange.amendOrder('alice', keep.order.orderId, {
      ticker: TICKER,
      side: 'bid',
      priceE4: 4100,
      countE2: 300,
    });
    expect(amend).toMatchObject({ ok: false, error: { code: 'trading_paused' } });
    expect(exchange.decreaseOrder('alice', keep.order.orderId, { reduceByE2: 100 }).ok).toBe(true);
    expect(exchange.cancelOrder('alice', keep.order.orderId)).toMatchObject({ ok: true, reducedByE2: 200 });
    exchange.setTradingPaused(false);
    expect(exchange.placeOrder('bob', gtc('ask', 4000, 100)).ok).toBe(true);
  });
});

describe('expiration', () => {
  it('cancels a GTC order at its expiration time (ExpiryCancel)', () => {
    const { exchange, clock } = setup();
    const placed = exchange.placeOrder(
      'alice',
      gtc('bid', 4000, 100, { expirationTimeMs: clock.now() + 60_000 }),
    );
    if (!placed.ok) throw new Error('rejected');
    clock.advance(59_999);
    exchange.processTimers();
    expect(exchange.getOrder('alice', placed.order.orderId)?.status).toBe('resting');
    clock.advance(1);
    // no explicit tick needed: every call applies due expirations first
    expect(exchange.book(TICKER)?.yes).toEqual([]);
    expect(exchange.getOrder('alice', placed.order.orderId)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'ExpiryCancel',
    });
  });

  it('rejects a past expiration and an expiration on IOC', () => {
    const { exchange, clock } = setup();
    const past = exchange.placeOrder('alice', gtc('bid', 4000, 100, { expirationTimeMs: clock.now() }));
    expect(past.ok).toBe(false);
    if (!past.ok)
      expect(`${past.error.code} ${past.error.details}`).toMatch(/^invalid_order .*expiration_time/);
    const ioc = gtc('bid', 4000, 100, {
      expirationTimeMs: clock.now() + 1000,
      timeInForce: 'immediate_or_cancel',
    });
    expect(exchange.placeOrder('alice', ioc).ok).toBe(false);
  });
});
