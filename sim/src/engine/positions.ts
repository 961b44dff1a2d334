import type { BookSide, CountE2, MoneyE6, Position, PriceE4 } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';
import { legPriceE4 } from './order-state.js';

/**
 * Position accounting with YES/NO netting (position_fp signed: + YES, − NO). Buying on the leg
 * opposite to what you hold closes contracts: the YES+NO pair is redeemed for $1.00, so closing at
 * leg price L returns 1 − L per contract. Cost basis leaves pro rata; realized P&L is gross of fees
 * (fees are reported separately in `feesPaidE6`).
 */
export interface TradeEffect {
  /** Signed cash from the trade before fees: negative when opening, positive when closing. */
  revenueE6: MoneyE6;
  closedE2: CountE2;
  openedE2: CountE2;
}

export function newPosition(userId: string, ticker: string, nowMs: number): Position {
  return {
    userId,
    ticker,
    positionE2: 0,
    positionCostE6: 0,
    realizedPnlE6: 0,
    feesPaidE6: 0,
    totalTradedE6: 0,
    volumeE2: 0,
    lastUpdatedMs: nowMs,
  };
}

/** How much of a `side` order would close an existing position rather than open a new one. */
export function closableE2(side: BookSide, positionE2: CountE2): CountE2 {
  return side === 'bid' ? Math.max(0, -positionE2) : Math.max(0, positionE2);
}

export function applyTrade(
  position: Position,
  side: BookSide,
  yesPriceE4: PriceE4,
  countE2: CountE2,
  nowMs: number,
): TradeEffect {
  const legE4 = legPriceE4(side, yesPriceE4);
  const closedE2 = Math.min(countE2, closableE2(side, position.positionE2));
  const openedE2 = countE2 - closedE2;
  const proceedsE6 = (ONE_DOLLAR_E4 - legE4) * closedE2;
  const absPositionE2 = Math.abs(position.positionE2);
  const basisRemovedE6 =
    closedE2 === 0
      ? 0
      : closedE2 === absPositionE2
        ? position.positionCostE6
        : Number((BigInt(position.positionCostE6) * BigInt(closedE2)) / BigInt(absPositionE2));
  position.realizedPnlE6 += proceedsE6 - basisRemovedE6;
  position.positionCostE6 += legE4 * openedE2 - basisRemovedE6;
  position.positionE2 += side === 'bid' ? countE2 : -countE2;
  position.totalTradedE6 += legE4 * countE2;
  position.volumeE2 += countE2;
  position.lastUpdatedMs = nowMs;
  return { revenueE6: proceedsE6 - legE4 * openedE2, closedE2, openedE2 };
}
