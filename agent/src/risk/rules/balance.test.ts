import { moneyE6, signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, intent, position, settings, snapshot } from '../test-fixtures.js';
import { openingCost } from './balance.js';

const OK = { ok: true };
const withCash = (balance: number, positions = [position(MKT, 0, 0)]) =>
  snapshot({ balanceE6: moneyE6(balance), positions });

describe('INSUFFICIENT_BALANCE', () => {
  it('a YES buy needs price × count plus the largest taker fee: $5.18 allowed, $5.179999 denied', () => {
    // 10 at $0.50: $5.00, and a taker fee of 0.07 × 10 × 0.5 × 0.5 = $0.175 → $0.18.
    expect(
      evaluateOrder(intent({ countE2: 1_000, priceE4: 5_000 }), withCash(5_180_000), settings()),
    ).toEqual(OK);
    expect(
      evaluateOrder(intent({ countE2: 1_000, priceE4: 5_000 }), withCash(5_179_999), settings()),
    ).toEqual({
      ok: false,
      rule: 'INSUFFICIENT_BALANCE',
      detail:
        'Opening 10 contracts needs $5.18 ($5.00 + up to $0.18 in fees), and the available balance is $5.179999.',
    });
  });
  it('pays only for contracts opened beyond those closed on the other leg', () => {
    const heldYes = [position(MKT, 1_000, 5_000_000)];
    // Buy 15 NO at 0.40 while holding 10 YES: closes 10, opens 5 NO for $2 + 0.07 × 5 × 0.24 =
    // $0.084 → $0.09 in fees (the 10 closed pay their fee from their proceeds).
    const order = intent({ side: 'no', countE2: 1_500, priceE4: 4_000 });
    expect(evaluateOrder(order, withCash(2_090_000, heldYes), settings())).toEqual(OK);
    expect(evaluateOrder(order, withCash(2_089_999, heldYes), settings())).toMatchObject({
      rule: 'INSUFFICIENT_BALANCE',
    });
    // Selling what is held needs no cash at all.
    expect(evaluateOrder(intent({ action: 'sell' }), withCash(0, heldYes), settings())).toEqual(OK);
  });
  it('a YES sale from flat opens NO at 1 − price', () => {
    const cost = openingCost(intent({ action: 'sell', countE2: 1_000, priceE4: 3_000 }), signedCountE2(0));
    // $7.00 for 10 NO at 0.70, and 0.07 × 10 × 0.21 = $0.147 → $0.15 in fees.
    expect(cost).toEqual({ openedE2: 1_000, costE6: 7_150_000, feeE6: 150_000 });
  });
});
