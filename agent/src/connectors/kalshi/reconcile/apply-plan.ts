/**
 * The reference application of a plan to local state, pure. The execution issue's order state
 * machine will apply plans to its own richer state; this version defines what "applied" means
 * (the idempotency property test runs against it) and backs `InMemoryLocalState`.
 */
import type { ClientOrderId, CountE2, MarketTicker, MoneyE6, OrderId } from '@pt/protocol';
import {
  fillKey,
  type LocalOpenOrder,
  type LocalState,
  type ReconcileAction,
  type ReconcilePlan,
  type UnknownIntent,
  type VenueOrderView,
} from './types.js';

export function applyPlan(local: LocalState, plan: ReconcilePlan): LocalState {
  const orders = new Map<OrderId, LocalOpenOrder>(local.openOrders.map((order) => [order.orderId, order]));
  const intents = new Map<ClientOrderId, UnknownIntent>(
    local.unknownIntents.map((intent) => [intent.clientOrderId, intent]),
  );
  const positions = new Map<MarketTicker, CountE2>(local.positions);
  const fills = new Set<string>(local.ledgeredFillKeys);
  let balanceE6: MoneyE6 | null = local.balanceE6;

  for (const action of plan.actions) {
    applyOne(action, { orders, intents, positions, fills });
    if (action.kind === 'balance_mismatch') balanceE6 = action.venueE6;
  }
  return {
    openOrders: [...orders.values()],
    unknownIntents: [...intents.values()],
    positions,
    balanceE6,
    ledgeredFillKeys: fills,
  };
}

interface Mutable {
  orders: Map<OrderId, LocalOpenOrder>;
  intents: Map<ClientOrderId, UnknownIntent>;
  positions: Map<MarketTicker, CountE2>;
  fills: Set<string>;
}

function applyOne(action: ReconcileAction, state: Mutable): void {
  switch (action.kind) {
    case 'intent_accepted':
      state.intents.delete(action.clientOrderId);
      upsertFromVenue(state.orders, action.order, false);
      return;
    case 'intent_unmatched': {
      const intent = state.intents.get(action.clientOrderId);
      if (intent !== undefined)
        state.intents.set(action.clientOrderId, { ...intent, checksWithoutMatch: action.checksWithoutMatch });
      return;
    }
    case 'intent_not_placed':
      state.intents.delete(action.clientOrderId);
      return;
    case 'order_imported':
      upsertFromVenue(state.orders, action.order, action.isExternal);
      return;
    case 'order_updated': {
      const isExternal = state.orders.get(action.order.orderId)?.isExternal ?? false;
      upsertFromVenue(state.orders, action.order, isExternal);
      return;
    }
    case 'order_miss_reset':
      setMisses(state.orders, action.orderId, 0);
      return;
    case 'order_missed':
      setMisses(state.orders, action.orderId, action.consecutiveMisses);
      return;
    case 'order_closed_missing':
      state.orders.delete(action.orderId);
      return;
    case 'fill_recorded':
      state.fills.add(fillKey(action.fill));
      return;
    case 'position_mismatch':
      if (action.venueE2 === 0) state.positions.delete(action.ticker);
      else state.positions.set(action.ticker, action.venueE2);
      return;
    case 'balance_mismatch':
      return;
  }
}

/** A resting venue order becomes (or updates) a local open order; a finished one leaves the set. */
function upsertFromVenue(
  orders: Map<OrderId, LocalOpenOrder>,
  order: VenueOrderView,
  isExternal: boolean,
): void {
  if (order.status !== 'resting') {
    orders.delete(order.orderId);
    return;
  }
  orders.set(order.orderId, {
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    ticker: order.ticker,
    filledCountE2: order.filledCountE2,
    remainingCountE2: order.remainingCountE2,
    isExternal,
    consecutiveMisses: 0,
  });
}

function setMisses(orders: Map<OrderId, LocalOpenOrder>, orderId: OrderId, consecutiveMisses: number): void {
  const order = orders.get(orderId);
  if (order !== undefined) orders.set(orderId, { ...order, consecutiveMisses });
}
