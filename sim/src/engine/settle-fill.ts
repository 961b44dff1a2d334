import type { EngineState, MarketState } from './engine-state.js';
import { chargeFill, feeRateE6, tradeFeeExact } from './fees.js';
import type { OrderState } from './order-state.js';
import { legPriceE4 } from './order-state.js';
import { accountOf, emitOrderUpdate, refreshAccountReserve } from './order-ops.js';
import { applyTrade, newPosition } from './positions.js';
import { trimHistory } from './retention.js';
import type { CountE2, Fill, PriceE4, Trade } from './types.js';

/**
 * Books one side of a match for the owner of `order`: position, cash, fees, order counters, the
 * fill record and its events. Shared by taker and maker so both sides use identical arithmetic.
 */
export function bookFill(
  state: EngineState,
  market: MarketState,
  order: OrderState,
  trade: Trade,
  isTaker: boolean,
): Fill {
  const nowMs = trade.createdTimeMs;
  const account = accountOf(state, order.userId);
  let position = account.positions.get(market.ticker);
  if (!position) {
    position = newPosition(order.userId, market.ticker, nowMs);
    account.positions.set(market.ticker, position);
  }
  const yesBeforeE2 = Math.max(0, position.positionE2);
  const effect = applyTrade(position, order.side, trade.yesPriceE4, trade.countE2, nowMs);
  market.openInterestE2 += Math.max(0, position.positionE2) - yesBeforeE2;
  const exactFee = tradeFeeExact(
    feeRateE6(market.fee.feeType, isTaker),
    market.fee.multiplierE4,
    trade.countE2,
    trade.yesPriceE4,
  );
  const charge = chargeFill(order.fee, exactFee, effect.revenueE6, state.precisionE6);
  account.balanceE6 += charge.balanceDeltaE6;
  position.feesPaidE6 += charge.netFeeE6;

  const legCostE6 = legPriceE4(order.side, trade.yesPriceE4) * trade.countE2;
  order.fillCountE2 += trade.countE2;
  order.remainingCountE2 -= trade.countE2;
  if (isTaker) {
    order.takerFillCostE6 += legCostE6;
    order.takerFeesE6 += charge.netFeeE6;
  } else {
    order.makerFillCostE6 += legCostE6;
    order.makerFeesE6 += charge.netFeeE6;
  }
  order.lastUpdateReason = 'Trade';
  order.lastUpdateTimeMs = nowMs;

  const fill: Fill = {
    fillId: state.ids.next(),
    tradeId: trade.tradeId,
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    userId: order.userId,
    ticker: market.ticker,
    side: order.side,
    yesPriceE4: trade.yesPriceE4,
    countE2: trade.countE2,
    isTaker,
    feeE6: charge.netFeeE6,
    postPositionE2: position.positionE2,
    createdTimeMs: nowMs,
  };
  account.fills.push(fill);
  trimHistory(account.fills, state.retention.fillsPerUser);
  state.pending.push({ type: 'fill', fill });
  state.pending.push({ type: 'position', position: { ...position } });
  return fill;
}

/** Creates the public trade and updates market statistics. */
export function recordTrade(
  state: EngineState,
  market: MarketState,
  taker: OrderState,
  yesPriceE4: PriceE4,
  countE2: CountE2,
): Trade {
  const trade: Trade = {
    tradeId: state.ids.next(),
    ticker: market.ticker,
    yesPriceE4,
    countE2,
    takerSide: taker.side,
    createdTimeMs: state.clock(),
  };
  market.trades.push(trade);
  trimHistory(market.trades, state.retention.tradesPerMarket);
  market.lastPriceE4 = yesPriceE4;
  market.lastTradeSizeE2 = countE2;
  market.volumeE2 += countE2;
  market.dollarVolumeE6 += yesPriceE4 * countE2;
  state.pending.push({ type: 'trade', trade });
  return trade;
}

/** After a fill changes the reserve inputs, refresh both users and publish order updates. */
export function finishFillBookkeeping(
  state: EngineState,
  market: MarketState,
  orders: readonly OrderState[],
): void {
  for (const order of orders) {
    emitOrderUpdate(state, order);
    refreshAccountReserve(state, accountOf(state, order.userId), market, order);
  }
}
