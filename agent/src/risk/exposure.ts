/**
 * Exposure of Kalshi binary contracts, exactly, in integers.
 *
 * A contract pays $1 if its market resolves its way, else $0. We model a market as a signed YES
 * count `s` (NO contracts are negative YES) plus the net cash `C` paid into it. Holding n NO bought
 * for K is the same as being short n YES with cash K − n·$1, so C = cost + min(s, 0)·$1. Then in an
 * outcome where the market resolves YES we lose C − s·$1; where it resolves NO we lose C.
 *
 * An order on leg L at limit p, count k, in YES terms (price of YES q = p on YES, 1 − p on NO):
 *   buy YES / sell NO  → s += k, C += q·k      sell YES / buy NO → s −= k, C −= q·k
 * So a YES buy at p risks p per contract, a NO buy at p risks p (it loses if YES: C − s = −(1−p)k + k),
 * and a sale reduces. Filling at the limit is the worst case (a buy pays at most p, a sale gets at
 * least p).
 *
 * Worst-case loss of a group of mutually exclusive markets (an event, or one market alone): the
 * maximum over outcomes ("market i resolves YES, the others NO", plus "all NO" unless the event is
 * exhaustive) of ΣC − s_winner·$1, plus every working order (resting, or the one being checked) that
 * would make that outcome worse, filled in full. Loss is linear in each order's filled fraction, so
 * for a fixed outcome the worst fills are exactly those orders with a positive contribution: this is
 * the exact worst case over every partial fill of every working order.
 */
import { MAX_PRICE_E4, addMoney, complementPrice, maxFixed, minFixed, moneyE6, notional } from '@pt/protocol';
import type { CountE2, MarketTicker, MoneyE6, PriceE4 } from '@pt/protocol';
import { priceE4, signedCountE2 } from '@pt/protocol';
import type { ContractSide, OrderAction } from './types.js';

const ONE_DOLLAR = priceE4(MAX_PRICE_E4);
const ZERO_MONEY = moneyE6(0);

/** What a full fill of an order does to its market, in YES terms. */
export interface Leg {
  readonly ticker: MarketTicker;
  /** Signed YES-count change. */
  readonly deltaE2: CountE2;
  /** Signed cash paid (negative = received), at the limit price. */
  readonly cashE6: MoneyE6;
}

/** A market's open position in the same terms: signed YES count and net cash paid in. */
export interface MarketBase {
  readonly positionE2: CountE2;
  readonly cashE6: MoneyE6;
}

export interface Group {
  /** The event ticker, or the market ticker of a market in no event. */
  readonly key: string;
  readonly tickers: readonly MarketTicker[];
  readonly isExhaustive: boolean;
}

export interface LegInput {
  readonly ticker: MarketTicker;
  readonly side: ContractSide;
  readonly action: OrderAction;
  readonly priceE4: PriceE4;
  readonly countE2: CountE2;
}

/** The price of YES implied by an order on `side` at `price`. */
export function yesPriceOf(side: ContractSide, price: PriceE4): PriceE4 {
  return side === 'yes' ? price : complementPrice(price);
}

/** +1 when the order adds YES (buy YES, sell NO), −1 when it adds NO. */
export function yesDirection(side: ContractSide, action: OrderAction): 1 | -1 {
  return (side === 'yes') === (action === 'buy') ? 1 : -1;
}

export function legOf(order: LegInput): Leg {
  const deltaE2 = signedCountE2(yesDirection(order.side, order.action) * order.countE2);
  return { ticker: order.ticker, deltaE2, cashE6: notional(yesPriceOf(order.side, order.priceE4), deltaE2) };
}

export function baseOf(positionE2: CountE2, costE6: MoneyE6): MarketBase {
  return {
    positionE2,
    cashE6: addMoney(costE6, notional(ONE_DOLLAR, minFixed(positionE2, signedCountE2(0)))),
  };
}

/** What `leg` adds to the loss of an outcome in which `winner` (or no market, for null) resolves YES. */
function contribution(leg: Leg, winner: MarketTicker | null): MoneyE6 {
  const payout = leg.ticker === winner ? notional(ONE_DOLLAR, leg.deltaE2) : ZERO_MONEY;
  return moneyE6(leg.cashE6 - payout);
}

/**
 * Worst-case loss of `group` (positive = money lost; negative = a profit locked in whatever happens).
 * `bases` may omit markets with no position; `legs` outside the group are ignored.
 */
export function groupWorstCaseLoss(
  group: Group,
  bases: ReadonlyMap<MarketTicker, MarketBase>,
  legs: readonly Leg[],
): MoneyE6 {
  const members = new Set(group.tickers);
  const ownLegs = legs.filter((leg) => members.has(leg.ticker));
  let cashIn = ZERO_MONEY;
  for (const ticker of members) cashIn = addMoney(cashIn, bases.get(ticker)?.cashE6 ?? ZERO_MONEY);
  const outcomes: (MarketTicker | null)[] = [...members];
  if (!group.isExhaustive || outcomes.length === 0) outcomes.push(null);
  let worst: MoneyE6 | null = null;
  for (const winner of outcomes) {
    const payout =
      winner === null ? ZERO_MONEY : notional(ONE_DOLLAR, bases.get(winner)?.positionE2 ?? signedCountE2(0));
    let loss = moneyE6(cashIn - payout);
    for (const leg of ownLegs) loss = addMoney(loss, maxFixed(ZERO_MONEY, contribution(leg, winner)));
    worst = worst === null ? loss : maxFixed(worst, loss);
  }
  return worst ?? ZERO_MONEY;
}

/** The largest |position| a market can reach if any subset of `legs` (its working orders) fills. */
export function worstAbsPosition(positionE2: CountE2, legs: readonly Leg[]): CountE2 {
  let longest = positionE2;
  let shortest = positionE2;
  for (const leg of legs) {
    if (leg.deltaE2 > 0) longest = signedCountE2(longest + leg.deltaE2);
    else shortest = signedCountE2(shortest + leg.deltaE2);
  }
  return signedCountE2(Math.max(Math.abs(longest), Math.abs(shortest)));
}
