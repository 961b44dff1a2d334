import { describe, expect, it } from 'vitest';
import { priceRangesForStructure } from './price-grid.js';
import type { EngineEvent } from './types.js';
import { gtc, marketSpec, setup, TICKER } from './test-helpers.js';

describe('Exchange basics', () => {
  it('rests a bid on the YES side and an ask as a NO bid at 1 − price', () => {
    const { exchange } = setup();
    expect(exchange.placeOrder('alice', gtc('bid', 4200, 1300)).ok).toBe(true);
    expect(exchange.placeOrder('bob', gtc('ask', 4600, 2000)).ok).toBe(true);
    expect(exchange.book(TICKER)).toEqual({ ticker: TICKER, yes: [[4200, 1300]], no: [[5400, 2000]] });
    const view = exchange.getMarket(TICKER);
    expect(view?.yesBidE4).toBe(4200);
    expect(view?.yesAskE4).toBe(4600);
  });

  it('trades at the resting price when a bid crosses an ask', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4600, 2000));
    const placed = exchange.placeOrder('alice', gtc('bid', 5000, 500));
    if (!placed.ok) throw new Error(placed.error.details);
    expect(placed.order.status).toBe('executed');
    expect(placed.fills).toHaveLength(1);
    expect(placed.fills[0]?.yesPriceE4).toBe(4600);
    expect(exchange.positions('alice')[0]?.positionE2).toBe(500);
    expect(exchange.positions('bob')[0]?.positionE2).toBe(-500);
    expect(exchange.book(TICKER)?.no).toEqual([[5400, 1500]]);
  });

  it('a grid change keeps resting orders and validates new ones on the new grid', () => {
    const { exchange } = setup();
    const events: EngineEvent[] = [];
    exchange.subscribe((e) => events.push(e));
    exchange.placeOrder('alice', gtc('bid', 4200, 100));
    const tapered = priceRangesForStructure('tapered_deci_cent') ?? [];
    expect(exchange.updatePriceRanges(TICKER, 'tapered_deci_cent', tapered).ok).toBe(true);
    expect(exchange.updatePriceRanges(TICKER, 'broken', []).ok).toBe(false);
    expect(exchange.book(TICKER)?.yes).toEqual([[4200, 100]]);
    expect(exchange.placeOrder('bob', gtc('bid', 550, 100)).ok).toBe(true);
    expect(exchange.placeOrder('bob', gtc('bid', 4250, 100)).ok).toBe(false);
    expect(exchange.getMarket(TICKER)?.priceLevelStructure).toBe('tapered_deci_cent');
    expect(
      events.some((e) => e.type === 'lifecycle' && e.eventType === 'price_level_structure_updated'),
    ).toBe(true);
  });

  it('tracks volume, dollar volume, last trade and open interest', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4000, 300));
    exchange.placeOrder('alice', gtc('bid', 4000, 200));
    exchange.placeOrder('alice', gtc('ask', 4500, 50)); // alice sells 0.5 of her 2 back, resting
    exchange.placeOrder('carol', gtc('bid', 4500, 150)); // 1 @ 0.40 from bob, then 0.5 @ 0.45 from alice
    expect(exchange.getMarket(TICKER)).toMatchObject({
      volumeE2: 350,
      dollarVolumeE6: 4000 * 300 + 4500 * 50,
      lastPriceE4: 4500,
      lastTradeSizeE2: 50,
      openInterestE2: 300, // alice's 0.5 moved to carol; bob's NO side still 3
    });
  });

  it('refuses negative deposits and duplicate markets', () => {
    const { exchange } = setup();
    expect(() => exchange.deposit('alice', -1)).toThrow(RangeError);
    expect(exchange.addMarket(marketSpec()).ok).toBe(false);
    expect(exchange.balance('nobody')).toEqual({
      balanceE6: 0,
      reservedE6: 0,
      availableE6: 0,
      positionsCostE6: 0,
    });
  });
});
