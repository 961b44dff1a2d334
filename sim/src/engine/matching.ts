import type { EngineState, MarketState } from './engine-state.js';
import { countGroupMatch, orderHeadroomE2 } from './group-ops.js';
import type { OrderState } from './order-state.js';
import { legPriceE4 } from './order-state.js';
import {
  accountOf,
  cancelLive,
  completeFilled,
  emitBookDelta,
  refreshAccountReserve,
  shrinkResting,
} from './order-ops.js';
import { closableE2 } from './positions.js';
import { bookFill, finishFillBookkeeping, recordTrade } from './settle-fill.js';
import type { CountE2, Fill, OutcomeSide } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

function oppositeLadder(order: OrderState): OutcomeSide {
  return order.side === 'bid' ? 'no' : 'yes';
}

/**
 * The lowest opposite-leg price that crosses: a YES bid at p meets NO bids at ≥ 1 − p, and an ask
 * (NO bid at 1 − p) meets YES bids at ≥ p.
 */
function minCrossingPriceE4(order: OrderState): number {
  return ONE_DOLLAR_E4 - legPriceE4(order.side, order.priceE4);
}

export function crossesBook(market: MarketState, order: OrderState): boolean {
  const best = market.ladders[oppositeLadder(order)].bestPriceE4();
  return best !== null && best >= minCrossingPriceE4(order);
}

/** Resting size the order could reach at acceptable prices (own orders included, as Kalshi does). */
export function crossableE2(market: MarketState, order: OrderState): CountE2 {
  let total = 0;
  for (const level of market.ladders[oppositeLadder(order)].levelsDownTo(minCrossingPriceE4(order))) {
    total += level.totalE2;
    if (total >= order.remainingCountE2) break;
  }
  return total;
}

/**
 * Matches an incoming order against the book in price-time priority until it is filled, stops
 * crossing, or is cancelled (self-trade prevention or its order group's limit). The trade price is
 * always the resting order's price. Returns the taker's fills; the caller decides what happens to
 * any remainder.
 */
export function matchIncoming(state: EngineState, market: MarketState, taker: OrderState): Fill[] {
  const fills: Fill[] = [];
  const ladder = market.ladders[oppositeLadder(taker)];
  const minPriceE4 = minCrossingPriceE4(taker);
  while (taker.status === 'resting' && taker.remainingCountE2 > 0) {
    const level = ladder.bestLevel();
    if (!level || level.priceE4 < minPriceE4) break;
    const maker = level.orders.values().next().value;
    if (!maker) break;
    if (maker.userId === taker.userId) {
      if (taker.selfTradePrevention === 'taker_at_cross') {
        cancelLive(state, taker, 'SelfTradeCancel');
        break;
      }
      cancelLive(state, maker, 'SelfTradeCancel');
      continue;
    }
    const countE2 = Math.min(
      taker.remainingCountE2,
      maker.remainingCountE2,
      orderHeadroomE2(state, taker),
      orderHeadroomE2(state, maker),
    );
    if (countE2 <= 0) {
      // A group with no headroom left is already triggered, which cancelled its orders; this is
      // only reachable if that invariant broke, so fail loudly rather than spin.
      throw new Error(`engine invariant: zero-size match for ${taker.orderId}/${maker.orderId}`);
    }
    const trade = recordTrade(state, market, taker, maker.priceE4, countE2);
    ladder.shrink(level.priceE4, countE2);
    emitBookDelta(state, maker, -countE2, false);
    fills.push(bookFill(state, market, taker, trade, true));
    bookFill(state, market, maker, trade, false);
    if (maker.remainingCountE2 === 0) completeFilled(state, market, maker);
    finishFillBookkeeping(state, market, [maker]);
    refreshAccountReserve(state, accountOf(state, taker.userId), market, null);
    enforceReduceOnly(state, market, maker.userId);
    enforceReduceOnly(state, market, taker.userId);
    countGroupMatch(state, maker, countE2);
    countGroupMatch(state, taker, countE2);
  }
  return fills;
}

/**
 * Resting reduce-only orders may never add exposure: after a fill moves the position, cap them
 * (oldest keep their size first) to what still closes it; what no longer fits is cancelled with
 * `ReduceOnlyCancel`.
 */
export function enforceReduceOnly(state: EngineState, market: MarketState, userId: string): void {
  const account = accountOf(state, userId);
  const resting = account.resting.get(market.ticker);
  if (!resting) return;
  const positionE2 = account.positions.get(market.ticker)?.positionE2 ?? 0;
  const allowance = { bid: closableE2('bid', positionE2), ask: closableE2('ask', positionE2) };
  const reduceOnly: OrderState[] = [];
  for (const order of resting) if (order.isReduceOnly) reduceOnly.push(order);
  for (const order of reduceOnly) {
    const keepE2 = Math.min(order.remainingCountE2, allowance[order.side]);
    allowance[order.side] -= keepE2;
    shrinkResting(state, order, order.remainingCountE2 - keepE2, 'ReduceOnlyCancel');
  }
}
