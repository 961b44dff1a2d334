import { moneyE6, signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, intent, position, settings, snapshot } from '../test-fixtures.js';
import { openingCost } from './balance.js';

const OK = { ok: true };
const withCash = (balance: number, positions = [position(MKT, 0, 0)]) =>
  snapshot({ balanceE6: moneyE6(balance), positions });

describe('INSUFFICIENT_BALANCE', () => {
  it('a YES buy needs price × count: $5.00 allowed with $5.00, denied with $4.999999', () => {
    expect(
      evaluateOrder(intent({ countE2: 1_000, priceE4: 5_000 }), withCash(5_000_000), settings()),
    ).toEqual(OK);
    expect(
      evaluateOrder(intent({ countE2: 1_000, priceE4: 5_000 }), withCash(4_999_999), settings()),
    ).toEqual({
      ok: false,
      rule: 'INSUFFICIENT_BALANCE',
      detail: 'Opening 10 contracts needs $5.00, and the available balance is $4.999999.',
    });
  });
  it('pays only for contracts opened beyond those closed on the other leg', () => {
    const heldYes = [position(MKT, 1_000, 5_000_000)];
    // Buy 15 NO at 0.40 while holding 10 YES: closes 10, opens 5 NO for $2.
    const order = intent({ side: 'no', countE2: 1_500, priceE4: 4_000 });
    expect(evaluateOrder(order, withCash(2_000_000, heldYes), settings())).toEqual(OK);
    expect(evaluateOrder(order, withCash(1_999_999, heldYes), settings())).toMatchObject({
      rule: 'INSUFFICIENT_BALANCE',
    });
    // Selling what is held needs no cash at all.
    expect(evaluateOrder(intent({ action: 'sell' }), withCash(0, heldYes), settings())).toEqual(OK);
  });
  it('a YES sale from flat opens NO at 1 − price', () => {
    const cost = openingCost(intent({ action: 'sell', countE2: 1_000, priceE4: 3_000 }), signedCountE2(0));
    expect(cost).toEqual({ openedE2: 1_000, costE6: 7_000_000 });
  });
});
