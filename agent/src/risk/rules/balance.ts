/** Cash: an order must be payable from the available balance. */
import { addMoney, complementPrice, notional, signedCountE2, subMoney } from '@pt/protocol';
import type { CountE2, MoneyE6 } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule } from '../context.js';
import { yesDirection, yesPriceOf } from '../exposure.js';
import { maxTakerFeeE6 } from '../fees.js';
import { formatContracts, formatDollars } from '../format.js';
import type { OrderIntent } from '../types.js';

export interface OpeningCost {
  /** Contracts the order opens beyond those it closes on the other leg. */
  readonly openedE2: CountE2;
  /** What the opened contracts cost, fees included. */
  readonly costE6: MoneyE6;
  /** The most the venue can charge in fees for them (part of `costE6`). */
  readonly feeE6: MoneyE6;
}

/**
 * Kalshi nets YES against NO, so an order first closes contracts held on the other leg (no cash
 * needed) and pays only for what it opens: per contract, the YES price for YES and 1 − it for NO,
 * plus the largest taker fee on those contracts (a closing fill's proceeds always cover its fee).
 */
export function openingCost(intent: OrderIntent, positionE2: CountE2): OpeningCost {
  const direction = yesDirection(intent.side, intent.action);
  const closable = Math.max(0, -direction * positionE2);
  const openedE2 = signedCountE2(Math.max(0, intent.countE2 - closable));
  const yesPrice = yesPriceOf(intent.side, intent.priceE4);
  const legPrice = direction === 1 ? yesPrice : complementPrice(yesPrice);
  const feeE6 = maxTakerFeeE6(openedE2, legPrice);
  return { openedE2, costE6: addMoney(notional(legPrice, openedE2), feeE6), feeE6 };
}

export const insufficientBalance: Rule = ({ intent, snapshot, index }) => {
  const { openedE2, costE6, feeE6 } = openingCost(intent, index.positionOf(intent.ticker));
  if (costE6 === 0 || costE6 <= snapshot.balanceE6) return null;
  const parts = `${formatDollars(subMoney(costE6, feeE6))} + up to ${formatDollars(feeE6)} in fees`;
  return deny(
    'INSUFFICIENT_BALANCE',
    `Opening ${formatContracts(openedE2)} needs ${formatDollars(costE6)} (${parts}), and the available balance is ${formatDollars(snapshot.balanceE6)}.`,
  );
};
