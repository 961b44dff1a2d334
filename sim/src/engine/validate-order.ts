import type { Account } from './account.js';
import { reserveItem, reserveWithE6 } from './account.js';
import type { EngineState, MarketState } from './engine-state.js';
import { engineError } from './errors.js';
import type { OrderGroupState } from './order-group.js';
import type { OrderState } from './order-state.js';
import { isPriceOnGrid } from './price-grid.js';
import type { BookSide, CountE2, EngineError, PriceE4, TimeInForce } from './types.js';

type Failure = { ok: false; error: EngineError };

const SIDES: readonly string[] = ['bid', 'ask'];
const TIFS: readonly string[] = ['fill_or_kill', 'good_till_canceled', 'immediate_or_cancel'];
const STPS: readonly string[] = ['taker_at_cross', 'maker'];

/** Shape checks that need no state. The REST layer parses with zod first; this guards direct callers. */
export function checkShape(req: {
  side: string;
  timeInForce?: string;
  selfTradePrevention?: string;
  priceE4: PriceE4;
  countE2: CountE2;
}): Failure | null {
  if (!SIDES.includes(req.side)) return engineError('invalid_order', 'side: must be bid or ask');
  if (req.timeInForce !== undefined && !TIFS.includes(req.timeInForce)) {
    return engineError('invalid_order', 'time_in_force: unknown value');
  }
  if (req.selfTradePrevention !== undefined && !STPS.includes(req.selfTradePrevention)) {
    return engineError('invalid_order', 'self_trade_prevention_type: unknown value');
  }
  if (!Number.isSafeInteger(req.countE2) || req.countE2 <= 0) {
    return engineError('invalid_order', 'count: must be a positive multiple of 0.01');
  }
  if (!Number.isSafeInteger(req.priceE4))
    return engineError('invalid_order', 'price: not on the 0.0001 grid');
  return null;
}

export function checkPrice(market: MarketState, priceE4: PriceE4): Failure | null {
  return isPriceOnGrid(priceE4, market.priceRanges)
    ? null
    : engineError('invalid_order', `price: off the market's price_ranges grid or outside (0, 1)`);
}

export function checkTradable(state: EngineState, market: MarketState): Failure | null {
  if (state.isTradingPaused) return engineError('trading_paused', 'exchange trading is paused');
  if (market.status !== 'active')
    return engineError('market_not_active', `market status is ${market.status}`);
  return null;
}

export function checkExpiration(
  timeInForce: TimeInForce,
  expirationTimeMs: number | undefined,
  nowMs: number,
): Failure | null {
  if (expirationTimeMs === undefined) return null;
  if (timeInForce !== 'good_till_canceled') {
    return engineError('invalid_order', 'expiration_time: only allowed with good_till_canceled');
  }
  if (!Number.isSafeInteger(expirationTimeMs) || expirationTimeMs <= nowMs) {
    return engineError('invalid_order', 'expiration_time: must be in the future');
  }
  return null;
}

export function checkGroup(group: OrderGroupState | undefined, userId: string): Failure | null {
  if (!group || group.userId !== userId)
    return engineError('order_group_not_found', 'order_group_id: unknown');
  if (group.isTriggered)
    return engineError('order_group_triggered', 'order_group_id: limit hit, reset required');
  return null;
}

/**
 * Would the account still cover every resting order in this market if `candidate` (side, price,
 * count) joined them? `exclude` is an order being amended, whose old terms no longer count.
 */
export function checkCollateral(
  account: Account,
  market: MarketState,
  candidate: { side: BookSide; priceE4: PriceE4; countE2: CountE2 },
  exclude: OrderState | null,
): Failure | null {
  const multiplierE4 = market.fee.multiplierE4;
  const add = reserveItem(candidate.side, candidate.priceE4, candidate.countE2, multiplierE4);
  const marketReserveE6 = reserveWithE6(account, market.ticker, add, exclude?.trackedReserve ?? null);
  const otherReserveE6 = account.reservedE6 - (account.reservedByTicker.get(market.ticker) ?? 0);
  if (account.balanceE6 - otherReserveE6 - marketReserveE6 >= 0) return null;
  return engineError(
    'available_balance_too_low',
    'count × price plus worst-case fees exceeds available balance',
  );
}
