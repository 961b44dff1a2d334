/** Cash: an order must be payable from the available balance. */
import { complementPrice, notional, signedCountE2 } from '@pt/protocol';
import type { CountE2, MoneyE6 } from '@pt/protocol';
import { deny } from '../context.js';
import type { Rule } from '../context.js';
import { yesDirection, yesPriceOf } from '../exposure.js';
import { formatContracts, formatDollars } from '../format.js';
import type { OrderIntent } from '../types.js';

export interface OpeningCost {
  /** Contracts the order opens beyond those it closes on the other leg. */
  readonly openedE2: CountE2;
  readonly costE6: MoneyE6;
}

/**
 * Kalshi nets YES against NO, so an order first closes contracts held on the other leg (no cash
 * needed) and pays only for what it opens: per contract, the YES price for YES and 1 − it for NO.
 */
export function openingCost(intent: OrderIntent, positionE2: CountE2): OpeningCost {
  const direction = yesDirection(intent.side, intent.action);
  const closable = Math.max(0, -direction * positionE2);
  const openedE2 = signedCountE2(Math.max(0, intent.countE2 - closable));
  const yesPrice = yesPriceOf(intent.side, intent.priceE4);
  const legPrice = direction === 1 ? yesPrice : complementPrice(yesPrice);
  return { openedE2, costE6: notional(legPrice, openedE2) };
}

export const insufficientBalance: Rule = ({ intent, snapshot, index }) => {
  const { openedE2, costE6 } = openingCost(intent, index.positionOf(intent.ticker));
  if (costE6 === 0 || costE6 <= snapshot.balanceE6) return null;
  return deny(
    'INSUFFICIENT_BALANCE',
    `Opening ${formatContracts(openedE2)} needs ${formatDollars(costE6)}, and the available balance is ${formatDollars(snapshot.balanceE6)}.`,
  );
};
