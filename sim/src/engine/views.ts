import type { Account } from './account.js';
import type { MarketState } from './engine-state.js';
import type { OrderState } from './order-state.js';
import { ladderOf, legPriceE4 } from './order-state.js';
import type { BookSnapshot, CountE2, MarketView } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/** Read models built from engine state; every value returned is a fresh copy. */

export function marketView(market: MarketState): MarketView {
  const yesBid = market.ladders.yes.bestLevel();
  const noBid = market.ladders.no.bestLevel();
  return {
    ticker: market.ticker,
    eventTicker: market.eventTicker,
    seriesTicker: market.seriesTicker,
    priceLevelStructure: market.priceLevelStructure,
    priceRanges: market.priceRanges.map((r) => ({ ...r })),
    fee: { ...market.fee },
    status: market.status,
    result: market.result,
    openTimeMs: market.openTimeMs,
    closeTimeMs: market.closeTimeMs,
    determinedTimeMs: market.determinedTimeMs,
    settledTimeMs: market.settledTimeMs,
    yesBidE4: yesBid ? yesBid.priceE4 : null,
    yesBidSizeE2: yesBid ? yesBid.totalE2 : 0,
    yesAskE4: noBid ? ONE_DOLLAR_E4 - noBid.priceE4 : null,
    yesAskSizeE2: noBid ? noBid.totalE2 : 0,
    lastPriceE4: market.lastPriceE4,
    lastTradeSizeE2: market.lastTradeSizeE2,
    volumeE2: market.volumeE2,
    openInterestE2: market.openInterestE2,
    dollarVolumeE6: market.dollarVolumeE6,
  };
}

/** Bids only, best first; `depth` 0 means every level. */
export function bookSnapshot(market: MarketState, depth: number): BookSnapshot {
  return {
    ticker: market.ticker,
    yes: market.ladders.yes.snapshot(depth),
    no: market.ladders.no.snapshot(depth),
  };
}

/** Contracts ahead of the order in its level's queue (Kalshi `queue_position_fp`, 0 = first). */
export function queuePositionE2(market: MarketState, order: OrderState): CountE2 | null {
  if (!order.isOnBook) return null;
  const level = market.ladders[ladderOf(order.side)].levelAt(legPriceE4(order.side, order.priceE4));
  if (!level) return null;
  let aheadE2 = 0;
  for (const other of level.orders) {
    if (other === order) return aheadE2;
    aheadE2 += other.remainingCountE2;
  }
  return null;
}

export function ordersOf(account: Account): OrderState[] {
  return [...account.orders.values()];
}
