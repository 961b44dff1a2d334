import { describe, expect, it } from 'vitest';
import { gtc, setup, TICKER } from './test-helpers.js';

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
});
