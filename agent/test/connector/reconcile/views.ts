/** Small builders for reconciliation inputs (branded ids and fixed-point values, no casts). */
import {
  ClientOrderId,
  FillId,
  MarketTicker,
  OrderId,
  countE2,
  moneyE6,
  priceE4,
  signedCountE2,
} from '@pt/protocol';
import type {
  LocalOpenOrder,
  LocalState,
  UnknownIntent,
  VenueFillView,
  VenueOrderView,
  VenueSnapshot,
} from '../../../src/connectors/kalshi/reconcile/types.js';

/** Deterministic GUID-shaped ids: n → 00000000-0000-4000-8000-00000000000n. */
export function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
export const orderId = (n: number) => OrderId.parse(guid(n));
export const fillId = (n: number) => FillId.parse(guid(1000 + n));
export const coid = (n: number) => ClientOrderId.parse(`coid-${n}`);
export const ticker = (name: string) => MarketTicker.parse(name);

export function venueOrder(n: number, overrides: Partial<VenueOrderView> = {}): VenueOrderView {
  return {
    orderId: orderId(n),
    clientOrderId: coid(n),
    ticker: ticker('KXTEST-A'),
    side: 'bid',
    priceE4: priceE4(4500),
    initialCountE2: countE2(1000),
    filledCountE2: countE2(0),
    remainingCountE2: countE2(1000),
    status: 'resting',
    createdAtMs: 1_700_000_000_000,
    ...overrides,
  };
}

export function localOrder(n: number, overrides: Partial<LocalOpenOrder> = {}): LocalOpenOrder {
  return {
    orderId: orderId(n),
    clientOrderId: coid(n),
    ticker: ticker('KXTEST-A'),
    filledCountE2: countE2(0),
    remainingCountE2: countE2(1000),
    isExternal: false,
    consecutiveMisses: 0,
    ...overrides,
  };
}

export function intent(n: number, overrides: Partial<UnknownIntent> = {}): UnknownIntent {
  return {
    clientOrderId: coid(n),
    ticker: ticker('KXTEST-A'),
    submittedAtMs: 1_700_000_000_000,
    checksWithoutMatch: 0,
    ...overrides,
  };
}

export function venueFill(n: number, order: number, overrides: Partial<VenueFillView> = {}): VenueFillView {
  return {
    fillId: fillId(n),
    orderId: orderId(order),
    ticker: ticker('KXTEST-A'),
    side: 'bid',
    priceE4: priceE4(4500),
    countE2: countE2(100),
    feeE6: moneyE6(7000),
    isTaker: true,
    createdAtMs: 1_700_000_000_500,
    ...overrides,
  };
}

export function emptyLocal(overrides: Partial<LocalState> = {}): LocalState {
  return {
    openOrders: [],
    unknownIntents: [],
    positions: new Map(),
    balanceE6: moneyE6(100_000_000),
    ledgeredFillKeys: new Set(),
    ...overrides,
  };
}

export function snapshot(overrides: Partial<VenueSnapshot> = {}): VenueSnapshot {
  return {
    fetchedAtMs: 1_700_000_001_000,
    balanceE6: moneyE6(100_000_000),
    positions: new Map(),
    restingOrders: [],
    lookedUpOrders: [],
    notFoundOrderIds: new Set(),
    recentFills: [],
    ...overrides,
  };
}

export const position = (name: string, e2: number) => [ticker(name), signedCountE2(e2)] as const;
