/**
 * One market's position under Kalshi's YES/NO netting, in integers only. Cost method: AVERAGE
 * COST on the held leg. A signed YES count `s` (NO = negative) and the cost basis `C` ≥ 0 paid for
 * the contracts held, on their own leg (YES price for YES, 1 − YES price for NO). A fill on the
 * other leg first closes held contracts (the YES+NO pair is redeemed for $1: closing at leg price L
 * returns 1 − L each) and takes the basis out pro rata (floored; all of it when the position goes
 * flat), then opens the rest at its leg price. Realized P&L is gross here; fees are kept apart and
 * subtracted for the net figure, so a round trip nets proceeds − cost − fees exactly. This is the
 * simulator's and Kalshi's arithmetic (sim/src/engine/positions.ts).
 */
import type { OrderSide } from '@pt/protocol';

const ONE_DOLLAR_E4 = 10_000;

export interface PositionState {
  /** Signed: + YES, − NO (1/100 contracts). */
  readonly positionE2: number;
  /** Basis of the contracts held, ≥ 0 (MoneyE6). */
  readonly costE6: number;
  /** Realized before fees (MoneyE6). */
  readonly realizedGrossE6: number;
  readonly feesE6: number;
  /** Σ leg price × count of every fill (MoneyE6). */
  readonly tradedE6: number;
}

export const FLAT: PositionState = { positionE2: 0, costE6: 0, realizedGrossE6: 0, feesE6: 0, tradedE6: 0 };

/** A fill as the math needs it: `bid` buys YES at the YES price, `ask` sells YES (≡ buys NO at 1 − price). */
export interface FillTerms {
  readonly side: OrderSide;
  readonly yesPriceE4: number;
  readonly countE2: number;
  readonly feeE6: number;
}

export interface FillEffect {
  readonly state: PositionState;
  /** Contracts this fill closed (0 when it only opened). */
  readonly closedE2: number;
  /** Realized by this fill, net of its fee. */
  readonly realizedNetE6: number;
}

/** Price per contract on the leg the fill buys. */
export function legPriceE4(side: OrderSide, yesPriceE4: number): number {
  return side === 'bid' ? yesPriceE4 : ONE_DOLLAR_E4 - yesPriceE4;
}

/** How many of a `side` fill's contracts would close held ones. */
export function closableE2(side: OrderSide, positionE2: number): number {
  return side === 'bid' ? Math.max(0, -positionE2) : Math.max(0, positionE2);
}

/** Basis leaving with `closedE2` of `|positionE2|` contracts: pro rata, floored; all of it at flat. */
export function basisRemovedE6(costE6: number, positionE2: number, closedE2: number): number {
  const held = Math.abs(positionE2);
  if (closedE2 === 0) return 0;
  if (closedE2 >= held) return costE6;
  return Number((BigInt(costE6) * BigInt(closedE2)) / BigInt(held));
}

export function applyFill(state: PositionState, fill: FillTerms): FillEffect {
  const legE4 = legPriceE4(fill.side, fill.yesPriceE4);
  const closedE2 = Math.min(fill.countE2, closableE2(fill.side, state.positionE2));
  const openedE2 = fill.countE2 - closedE2;
  const proceedsE6 = (ONE_DOLLAR_E4 - legE4) * closedE2;
  const removedE6 = basisRemovedE6(state.costE6, state.positionE2, closedE2);
  const realizedE6 = proceedsE6 - removedE6;
  return {
    state: {
      positionE2: state.positionE2 + (fill.side === 'bid' ? fill.countE2 : -fill.countE2),
      costE6: state.costE6 - removedE6 + legE4 * openedE2,
      realizedGrossE6: state.realizedGrossE6 + realizedE6,
      feesE6: state.feesE6 + fill.feeE6,
      tradedE6: state.tradedE6 + legE4 * fill.countE2,
    },
    closedE2,
    realizedNetE6: realizedE6 - fill.feeE6,
  };
}

/** The venue paid `revenueE6` for the position: it closes, the payout against the basis is realized. */
export function applySettlement(state: PositionState, revenueE6: number): FillEffect {
  const realizedE6 = revenueE6 - state.costE6;
  return {
    state: { ...state, positionE2: 0, costE6: 0, realizedGrossE6: state.realizedGrossE6 + realizedE6 },
    closedE2: Math.abs(state.positionE2),
    realizedNetE6: realizedE6,
  };
}

/** Reconciliation: the venue's count and basis win; the difference is not P&L (it is unexplained). */
export function applyAdjustment(state: PositionState, positionE2: number, costE6: number): PositionState {
  return { ...state, positionE2, costE6 };
}

export function realizedNetE6(state: PositionState): number {
  return state.realizedGrossE6 - state.feesE6;
}

/** Average cost per held contract on its leg (PriceE4, rounded half up); null when flat. */
export function averageCostPriceE4(state: PositionState): number | null {
  const held = Math.abs(state.positionE2);
  if (held === 0) return null;
  return Math.min(ONE_DOLLAR_E4, Math.round(state.costE6 / held));
}
