/**
 * Pure reconciliation: local belief + venue snapshot → a plan of actions. No I/O, no clock, so it
 * is exhaustively testable and the same inputs always give the same plan. The venue is the book
 * of record for what it can see; the one thing it cannot prove is absence (its read path lags its
 * write path), so absence only counts after several consecutive misses.
 */
import { signedCountE2, type ClientOrderId, type OrderId } from '@pt/protocol';
import {
  DEFAULT_RECONCILE_OPTIONS,
  fillKey,
  type LocalOpenOrder,
  type LocalState,
  type ReconcileAction,
  type ReconcileOptions,
  type ReconcilePlan,
  type VenueOrderView,
  type VenueSnapshot,
} from './types.js';

const FLAT = signedCountE2(0);

export function planReconciliation(
  local: LocalState,
  venue: VenueSnapshot,
  options: ReconcileOptions = DEFAULT_RECONCILE_OPTIONS,
): ReconcilePlan {
  const seen = seenOrders(venue);
  const localById = new Map(local.openOrders.map((order) => [order.orderId, order]));
  const actions: ReconcileAction[] = [];
  const claimed = new Set<OrderId>();

  for (const action of resolveIntents(local, seen, options)) {
    if (action.kind === 'intent_accepted') claimed.add(action.order.orderId);
    actions.push(action);
  }
  for (const order of local.openOrders) {
    const action = compareOpenOrder(order, seen.get(order.orderId), options);
    if (action !== undefined) actions.push(action);
  }
  for (const order of venue.restingOrders) {
    if (!localById.has(order.orderId) && !claimed.has(order.orderId)) {
      claimed.add(order.orderId);
      const isOwn = order.clientOrderId !== null && options.isOwnClientOrderId(order.clientOrderId);
      actions.push({ kind: 'order_imported', order, isExternal: !isOwn });
    }
  }
  actions.push(...newFills(local, venue), ...positionDiffs(local, venue));
  if (local.balanceE6 !== venue.balanceE6)
    actions.push({ kind: 'balance_mismatch', localE6: local.balanceE6, venueE6: venue.balanceE6 });

  const hasPendingChecks = actions.some(
    (action) => action.kind === 'intent_unmatched' || action.kind === 'order_missed',
  );
  return { actions, hasPendingChecks };
}

/** Every order the venue showed us, by id. Resting wins over a looked-up copy of the same order. */
function seenOrders(venue: VenueSnapshot): Map<OrderId, VenueOrderView> {
  const seen = new Map<OrderId, VenueOrderView>();
  for (const order of [...venue.restingOrders, ...venue.lookedUpOrders]) {
    if (!seen.has(order.orderId)) seen.set(order.orderId, order);
  }
  return seen;
}

function resolveIntents(
  local: LocalState,
  seen: ReadonlyMap<OrderId, VenueOrderView>,
  options: ReconcileOptions,
): ReconcileAction[] {
  const byClientId = new Map<ClientOrderId, VenueOrderView>();
  for (const order of seen.values()) {
    if (order.clientOrderId !== null && !byClientId.has(order.clientOrderId))
      byClientId.set(order.clientOrderId, order);
  }
  const actions: ReconcileAction[] = [];
  const done = new Set<ClientOrderId>();
  for (const intent of local.unknownIntents) {
    if (done.has(intent.clientOrderId)) continue;
    done.add(intent.clientOrderId);
    const match = byClientId.get(intent.clientOrderId);
    if (match !== undefined) {
      actions.push({ kind: 'intent_accepted', clientOrderId: intent.clientOrderId, order: match });
      continue;
    }
    const checksWithoutMatch = intent.checksWithoutMatch + 1;
    actions.push({
      kind: checksWithoutMatch >= options.checksBeforeNotPlaced ? 'intent_not_placed' : 'intent_unmatched',
      clientOrderId: intent.clientOrderId,
      checksWithoutMatch,
    });
  }
  return actions;
}

function compareOpenOrder(
  order: LocalOpenOrder,
  venueOrder: VenueOrderView | undefined,
  options: ReconcileOptions,
): ReconcileAction | undefined {
  if (venueOrder === undefined) {
    const consecutiveMisses = order.consecutiveMisses + 1;
    return {
      kind: consecutiveMisses >= options.missesBeforeClose ? 'order_closed_missing' : 'order_missed',
      orderId: order.orderId,
      consecutiveMisses,
    };
  }
  const isSame =
    venueOrder.status === 'resting' &&
    venueOrder.filledCountE2 === order.filledCountE2 &&
    venueOrder.remainingCountE2 === order.remainingCountE2;
  if (!isSame) return { kind: 'order_updated', order: venueOrder };
  if (order.consecutiveMisses > 0) return { kind: 'order_miss_reset', orderId: order.orderId };
  return undefined;
}

function newFills(local: LocalState, venue: VenueSnapshot): ReconcileAction[] {
  const recorded = new Set(local.ledgeredFillKeys);
  const actions: ReconcileAction[] = [];
  for (const fill of venue.recentFills) {
    const key = fillKey(fill);
    if (recorded.has(key)) continue;
    recorded.add(key);
    actions.push({ kind: 'fill_recorded', fill });
  }
  return actions;
}

function positionDiffs(local: LocalState, venue: VenueSnapshot): ReconcileAction[] {
  const tickers = new Set([...local.positions.keys(), ...venue.positions.keys()]);
  const actions: ReconcileAction[] = [];
  for (const ticker of [...tickers].sort()) {
    const localE2 = local.positions.get(ticker) ?? FLAT;
    const venueE2 = venue.positions.get(ticker) ?? FLAT;
    if (localE2 !== venueE2) actions.push({ kind: 'position_mismatch', ticker, localE2, venueE2 });
  }
  return actions;
}
