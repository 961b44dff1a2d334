/**
 * Fetches everything one reconciliation needs from the venue, paginated to the end: balance,
 * positions, resting orders, recent fills, and targeted lookups (local open orders missing from
 * the resting list; the markets of unknown intents, to find them by client order id). Any failure
 * — transport, auth, or a response that breaks the API contract — fails the whole fetch: a
 * partial snapshot would make absent things look closed, so reconciliation fails closed instead.
 */
import { ClientOrderId, FillId, type CountE2, type MarketTicker, type OrderId } from '@pt/protocol';
import { collectAll } from '../http/paginate.js';
import { isKalshiRequestError } from '../http/request-error.js';
import type {
  FillsQuery,
  OrdersQuery,
  Page,
  PositionsQuery,
  VenueBalance,
  VenueFill,
  VenueOrder,
  VenuePositionsPage,
} from '../http/types.js';
import type { LocalState, VenueFillView, VenueOrderView, VenueSnapshot } from './types.js';

/** The part of K1's `KalshiHttp` the fetcher reads (KalshiHttp satisfies it structurally). */
export interface SnapshotHttp {
  getBalance(): Promise<VenueBalance>;
  getPositions(query: PositionsQuery): Promise<VenuePositionsPage>;
  getOrders(query: OrdersQuery): Promise<Page<VenueOrder>>;
  getOrder(orderId: string): Promise<VenueOrder>;
  getFills(query: FillsQuery): Promise<Page<VenueFill>>;
}

export interface FetchSnapshotOptions {
  /** Fills from this time on are fetched (the ledger dedupes the overlap). */
  fillsSinceMs: number;
  /** How far before an intent's submit time its market's orders are searched (clock skew margin). */
  intentLookbackMs?: number;
  nowMs?: () => number;
}

const PAGE_LIMIT = 1000;
const DEFAULT_INTENT_LOOKBACK_MS = 60_000;

export async function fetchVenueSnapshot(
  http: SnapshotHttp,
  local: LocalState,
  options: FetchSnapshotOptions,
): Promise<VenueSnapshot> {
  const nowMs = options.nowMs ?? Date.now;
  // Sequential on purpose: reads share one token bucket, and a failure should stop the rest.
  const balance = await http.getBalance();
  const positions = await fetchPositions(http);
  const resting = (
    await collectAll((cursor) => http.getOrders(pageQuery({ status: 'resting' }, cursor)))
  ).map(toOrderView);
  const fills = await collectAll((cursor) =>
    http.getFills(pageQuery({ minTsSec: Math.floor(options.fillsSinceMs / 1000) }, cursor)),
  );

  const restingIds = new Set(resting.map((order) => order.orderId));
  const lookedUp = new Map<OrderId, VenueOrderView>();
  const notFound = new Set<OrderId>();
  for (const order of local.openOrders) {
    if (restingIds.has(order.orderId)) continue;
    const found = await lookUpOrder(http, order.orderId);
    if (found === undefined) notFound.add(order.orderId);
    else if (!restingIds.has(found.orderId)) lookedUp.set(found.orderId, found);
  }
  for (const order of await ordersOfIntents(
    http,
    local,
    options.intentLookbackMs ?? DEFAULT_INTENT_LOOKBACK_MS,
  )) {
    if (!restingIds.has(order.orderId) && !lookedUp.has(order.orderId)) lookedUp.set(order.orderId, order);
  }

  return {
    fetchedAtMs: nowMs(),
    balanceE6: balance.balanceE6,
    positions,
    restingOrders: resting,
    lookedUpOrders: [...lookedUp.values()],
    notFoundOrderIds: notFound,
    recentFills: fills.map(toFillView),
  };
}

function pageQuery<Q extends object>(
  query: Q,
  cursor: string | undefined,
): Q & { limit: number; cursor?: string } {
  return { ...query, limit: PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) };
}

async function fetchPositions(http: SnapshotHttp): Promise<Map<MarketTicker, CountE2>> {
  const all = await collectAll(async (cursor) => {
    const page = await http.getPositions(pageQuery({}, cursor));
    return { items: page.marketPositions, cursor: page.cursor };
  });
  const positions = new Map<MarketTicker, CountE2>();
  for (const position of all) {
    if (position.positionE2 !== 0) positions.set(position.ticker, position.positionE2);
  }
  return positions;
}

/** 404 is a miss (the read path may lag); every other failure fails the fetch. */
async function lookUpOrder(http: SnapshotHttp, orderId: OrderId): Promise<VenueOrderView | undefined> {
  try {
    return toOrderView(await http.getOrder(orderId));
  } catch (err) {
    if (isKalshiRequestError(err) && err.kind === 'rejection' && err.httpStatus === 404) return undefined;
    throw err;
  }
}

/**
 * The venue has no client_order_id filter: list each intent market's orders (any status) from a
 * little before the earliest intent there, and keep those carrying one of our unknown ids.
 */
async function ordersOfIntents(
  http: SnapshotHttp,
  local: LocalState,
  lookbackMs: number,
): Promise<VenueOrderView[]> {
  const earliestByTicker = new Map<MarketTicker, number>();
  for (const intent of local.unknownIntents) {
    const earliest = earliestByTicker.get(intent.ticker);
    if (earliest === undefined || intent.submittedAtMs < earliest)
      earliestByTicker.set(intent.ticker, intent.submittedAtMs);
  }
  const wanted = new Set<string>(local.unknownIntents.map((intent) => intent.clientOrderId));
  const found: VenueOrderView[] = [];
  for (const [ticker, earliestMs] of earliestByTicker) {
    const minTsSec = Math.max(0, Math.floor((earliestMs - lookbackMs) / 1000));
    const orders = await collectAll((cursor) => http.getOrders(pageQuery({ ticker, minTsSec }, cursor)));
    for (const order of orders) {
      if (order.clientOrderId !== undefined && wanted.has(order.clientOrderId))
        found.push(toOrderView(order));
    }
  }
  return found;
}

export function toOrderView(order: VenueOrder): VenueOrderView {
  // A client id outside our format cannot be one of ours; it still identifies nothing of ours.
  const clientOrderId = ClientOrderId.safeParse(order.clientOrderId);
  return {
    orderId: order.orderId,
    clientOrderId: clientOrderId.success ? clientOrderId.data : null,
    ticker: order.ticker,
    side: order.bookSide,
    priceE4: order.yesPriceE4,
    initialCountE2: order.initialCountE2,
    filledCountE2: order.fillCountE2,
    remainingCountE2: order.remainingCountE2,
    status: order.status,
    createdAtMs: order.createdAtMs ?? null,
  };
}

export function toFillView(fill: VenueFill): VenueFillView {
  return {
    fillId: FillId.parse(fill.fillId),
    orderId: fill.orderId,
    ticker: fill.ticker,
    side: fill.bookSide,
    priceE4: fill.yesPriceE4,
    countE2: fill.countE2,
    feeE6: fill.feeCostE6,
    isTaker: fill.isTaker,
    createdAtMs: fill.createdAtMs ?? null,
  };
}
