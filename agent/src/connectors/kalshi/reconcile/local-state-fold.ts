/**
 * The record operations of local state as pure functions, the companions of `applyPlan`:
 * `LedgerLocalState` folds them live and at replay, so both give the same state. They copy
 * `InMemoryLocalState.addUnknownIntent` / `addOpenOrder` exactly (a lost create seen again restarts
 * its checks; an order recorded again replaces the old view).
 */
import type { CountE2, MarketTicker } from '@pt/protocol';
import type { LocalOpenOrder, LocalState, UnknownIntent } from './types.js';

export function emptyLocalState(): LocalState {
  return {
    openOrders: [],
    unknownIntents: [],
    positions: new Map<MarketTicker, CountE2>(),
    balanceE6: null,
    ledgeredFillKeys: new Set<string>(),
  };
}

export function withUnknownIntent(
  state: LocalState,
  intent: Omit<UnknownIntent, 'checksWithoutMatch'>,
): LocalState {
  const others = state.unknownIntents.filter((known) => known.clientOrderId !== intent.clientOrderId);
  return { ...state, unknownIntents: [...others, { ...intent, checksWithoutMatch: 0 }] };
}

export function withOpenOrder(
  state: LocalState,
  order: Omit<LocalOpenOrder, 'consecutiveMisses'>,
): LocalState {
  const others = state.openOrders.filter((known) => known.orderId !== order.orderId);
  return { ...state, openOrders: [...others, { ...order, consecutiveMisses: 0 }] };
}
