import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './types.js';
import { gtc, setup, TICKER } from './test-helpers.js';

describe('engine events', () => {
  it('emits book deltas that rebuild the book exactly, with NO levels on the NO scale', () => {
    const { exchange } = setup();
    const levels = new Map<string, number>();
    exchange.subscribe((e) => {
      if (e.type !== 'book_delta') return;
      const key = `${e.side}:${e.priceE4}`;
      const next = (levels.get(key) ?? 0) + e.deltaE2;
      if (next === 0) levels.delete(key);
      else levels.set(key, next);
    });
    exchange.placeOrder('alice', gtc('bid', 4000, 300));
    exchange.placeOrder('bob', gtc('ask', 4500, 200));
    exchange.placeOrder('carol', gtc('bid', 4600, 100)); // trades 1 @ 0.45
    const placed = exchange.placeOrder('carol', gtc('ask', 3900, 400)); // sells into 0.40 bid
    if (!placed.ok) throw new Error('rejected');
    const book = exchange.book(TICKER);
    const expected = new Map<string, number>();
    for (const [p, c] of book?.yes ?? []) expected.set(`yes:${p}`, c);
    for (const [p, c] of book?.no ?? []) expected.set(`no:${p}`, c);
    expect(levels).toEqual(expected);
    expect(levels.get('no:5500')).toBe(100);
  });

  it('orders a match as trade, then fills, positions and order updates, after state is consistent', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4500, 200));
    const seen: string[] = [];
    exchange.subscribe((e: EngineEvent) => {
      seen.push(e.type === 'fill' ? `fill:${e.fill.userId}:${e.fill.isTaker}` : e.type);
      // listeners observe the finished operation, never a half-applied one
      if (e.type === 'trade') expect(exchange.book(TICKER)?.no).toEqual([[5500, 100]]);
    });
    exchange.placeOrder('alice', gtc('bid', 4500, 100));
    expect(seen.filter((s) => s !== 'balance')).toEqual([
      'trade',
      'book_delta',
      'fill:alice:true',
      'position',
      'fill:bob:false',
      'position',
      'order_update',
      'order_update',
    ]);
  });

  it('a throwing listener neither breaks engine state nor starves other listeners', () => {
    const { exchange } = setup();
    let delivered = 0;
    exchange.subscribe(() => {
      throw new Error('boom');
    });
    exchange.subscribe(() => (delivered += 1));
    expect(() => exchange.placeOrder('alice', gtc('bid', 4000, 100))).toThrow(/listener/);
    expect(delivered).toBeGreaterThan(0);
    expect(exchange.book(TICKER)?.yes).toEqual([[4000, 100]]);
  });

  it('is deterministic: same seed and inputs give the same ids and events', () => {
    const run = () => {
      const { exchange } = setup();
      const events: EngineEvent[] = [];
      exchange.subscribe((e) => events.push(e));
      exchange.placeOrder('bob', gtc('ask', 4500, 200));
      exchange.placeOrder('alice', gtc('bid', 4600, 300));
      return events;
    };
    const first = run();
    expect(run()).toEqual(first);
    const ids = first.flatMap((e) => (e.type === 'trade' ? [e.trade.tradeId] : []));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a listener may call back into the exchange; its events follow the current batch in order', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4500, 200));
    const log: string[] = [];
    let hasHedged = false;
    exchange.subscribe((e) => {
      if (e.type === 'trade') log.push(`trade:${e.trade.countE2}`);
      if (e.type === 'order_update') log.push(`order:${e.order.userId}:${e.order.status}`);
      if (e.type === 'fill' && e.fill.userId === 'alice' && !hasHedged) {
        hasHedged = true;
        log.push('hedge');
        exchange.placeOrder('alice', gtc('ask', 4400, 100)); // sells back into carol's bid
      }
    });
    exchange.placeOrder('carol', gtc('bid', 4400, 100));
    exchange.placeOrder('alice', gtc('bid', 4500, 100));
    expect(log.slice(-7)).toEqual([
      'trade:100',
      'hedge',
      'order:bob:resting', // the rest of the first batch comes first
      'order:alice:executed',
      'trade:100',
      'order:carol:executed',
      'order:alice:executed',
    ]);
    expect(exchange.positions('alice')[0]?.positionE2).toBe(0);
  });
});
