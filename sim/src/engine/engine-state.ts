import type { Account } from './account.js';
import type { IdSource } from './ids.js';
import { Ladder } from './ladder.js';
import type { OrderGroupState } from './order-group.js';
import type { OrderState } from './order-state.js';
import type { RetentionLimits } from './retention.js';
import type { EngineEvent, MarketCore, MarketSpec, MoneyE6, OutcomeSide, Trade } from './types.js';

export interface MarketState extends MarketCore {
  ladders: Record<OutcomeSide, Ladder>;
  trades: Trade[];
  lastPriceE4: number | null;
  lastTradeSizeE2: number;
  volumeE2: number;
  dollarVolumeE6: MoneyE6;
  /** Sum of positive positions, kept incrementally so the ticker channel never scans accounts. */
  openInterestE2: number;
}

/** All engine state; the modules are functions over it and `Exchange` is the facade. */
export interface EngineState {
  clock: () => number;
  ids: IdSource;
  precisionE6: MoneyE6;
  markets: Map<string, MarketState>;
  accounts: Map<string, Account>;
  ordersById: Map<string, OrderState>;
  groups: Map<string, OrderGroupState>;
  isTradingPaused: boolean;
  retention: RetentionLimits;
  /** Resting orders with an expiration time, checked before every operation. */
  expiring: Set<OrderState>;
  /** Lower bound of the earliest expiration in `expiring`, so most calls skip the scan. */
  nextExpiryMs: number;
  /** Events of the operation in progress; flushed to listeners once state is consistent. */
  pending: EngineEvent[];
}

export function newMarketState(spec: MarketSpec): MarketState {
  return {
    ticker: spec.ticker,
    eventTicker: spec.eventTicker,
    seriesTicker: spec.seriesTicker,
    priceLevelStructure: spec.priceLevelStructure,
    priceRanges: spec.priceRanges.map((r) => ({ ...r })),
    fee: { ...spec.fee },
    status: spec.status ?? 'active',
    result: null,
    openTimeMs: spec.openTimeMs ?? null,
    closeTimeMs: spec.closeTimeMs ?? null,
    determinedTimeMs: null,
    settledTimeMs: null,
    ladders: { yes: new Ladder(), no: new Ladder() },
    trades: [],
    lastPriceE4: null,
    lastTradeSizeE2: 0,
    volumeE2: 0,
    dollarVolumeE6: 0,
    openInterestE2: 0,
  };
}
