/**
 * The risk cache's account picture: a REST baseline (balance, positions, resting orders) folded
 * with the stream's account events, counted so that exposure is never under-counted.
 *
 * - Orders merge as a lattice keyed by order id (terminal > resting, then more filled, then later
 *   update): any order of updates, duplicates included, gives the same order.
 * - A fill is held as one more working order (its price and count, its side) until a later
 *   baseline read is known to reflect it in the positions: the risk engine's worst case then
 *   covers both "already in the position" and "not yet", whatever order fills, order updates and
 *   position messages arrive in. Fills are deduplicated by fill key. An order's fills reported by
 *   its `user_order` beyond those in the baseline and those held stay counted on the order (at its
 *   limit) until their fill message arrives.
 * - `market_position` messages set a market's position (stream order is the venue's order).
 * - Balance: the baseline's available cash, minus the worst cost (own-leg notional + a fee bound)
 *   of every order first seen after that baseline could reflect it, and of every resting order in
 *   a market with a fill since (the fill may have taken the position its closing credit relied
 *   on). Cancels and fills otherwise only give cash back: ignored until the next baseline.
 *
 * "Reflected" means observed at least `readLagMs` before the read was issued (the venue's read
 * path may lag its stream).
 */
import { MAX_PRICE_E4, countE2, moneyE6, priceE4 } from '@pt/protocol';
import type { CountE2, MarketTicker, MoneyE6, PriceE4 } from '@pt/protocol';
import type { MarketPosition, RestingOrder } from '../risk/index.js';

export type CachedOrderStatus = 'resting' | 'canceled' | 'executed';

/** An order as the venue last told us (REST list or WS `user_order`), YES-book prices. */
export interface CachedOrder {
  readonly orderId: string;
  readonly ticker: MarketTicker;
  readonly bookSide: 'bid' | 'ask';
  readonly yesPriceE4: PriceE4;
  readonly initialCountE2: CountE2;
  readonly fillCountE2: CountE2;
  readonly remainingCountE2: CountE2;
  readonly status: CachedOrderStatus;
  readonly updatedTsMs: number;
}

export interface CachedFill {
  /** `fill:<trade id>:<order id>` (the ledger's key). */
  readonly key: string;
  readonly orderId: string;
  readonly ticker: MarketTicker;
  readonly bookSide: 'bid' | 'ask';
  readonly yesPriceE4: PriceE4;
  readonly countE2: CountE2;
}

export interface AccountBaseline {
  readonly balanceE6: MoneyE6;
  readonly positions: readonly MarketPosition[];
  readonly restingOrders: readonly CachedOrder[];
  /** When the first of its reads was issued (agent clock). */
  readonly issuedAtMs: number;
}

export interface AccountView {
  readonly positions: MarketPosition[];
  /** Resting orders plus held fills, as working orders. */
  readonly restingOrders: RestingOrder[];
  readonly balanceE6: MoneyE6;
}

/**
 * Taker fee bound per 0.01 contract, in MoneyE6: 0.07 × P(1−P) ≤ $0.0175 per contract, doubled
 * for a fee multiplier up to 2; plus one cent of rounding per order.
 */
const FEE_BOUND_E6_PER_E2 = 350;
const ROUNDING_E6 = 10_000;

export function worstCostE6(bookSide: 'bid' | 'ask', yesPriceE4: number, count: number): number {
  const legE4 = bookSide === 'bid' ? yesPriceE4 : MAX_PRICE_E4 - yesPriceE4;
  return legE4 * count + FEE_BOUND_E6_PER_E2 * count + ROUNDING_E6;
}

const RANK: Record<CachedOrderStatus, number> = { resting: 0, canceled: 1, executed: 1 };

/** The later of two reports of one order (a total order, so the merge is commutative). */
export function laterOrder(a: CachedOrder, b: CachedOrder): CachedOrder {
  const keys = (o: CachedOrder): number[] => [
    RANK[o.status],
    o.fillCountE2,
    o.updatedTsMs,
    o.remainingCountE2,
    o.status === 'executed' ? 1 : 0,
    o.yesPriceE4,
    o.initialCountE2,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i += 1) {
    const x = ka[i] ?? 0;
    const y = kb[i] ?? 0;
    if (x !== y) return x > y ? a : b;
  }
  return a;
}

interface Seen<T> {
  value: T;
  seenAtMs: number;
}

interface KnownOrder extends Seen<CachedOrder> {
  /** Fills of this order the baseline positions already contain. */
  fillBaseE2: number;
}

export class AccountFold {
  private readonly orders = new Map<string, KnownOrder>();
  private readonly positions = new Map<MarketTicker, MarketPosition>();
  private readonly heldFills = new Map<string, Seen<CachedFill>>();
  private readonly fillKeys = new Set<string>();
  private balanceE6: MoneyE6 = moneyE6(0);
  private baselineIssuedAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly readLagMs: number) {}

  applyOrder(order: CachedOrder, atMs: number): void {
    const known = this.orders.get(order.orderId);
    if (known === undefined) this.orders.set(order.orderId, { value: order, seenAtMs: atMs, fillBaseE2: 0 });
    else {
      known.value = laterOrder(known.value, order);
      known.seenAtMs = Math.min(known.seenAtMs, atMs);
    }
  }

  applyFill(fill: CachedFill, atMs: number): void {
    if (this.fillKeys.has(fill.key)) return;
    this.fillKeys.add(fill.key);
    this.heldFills.set(fill.key, { value: fill, seenAtMs: atMs });
  }

  applyPosition(position: MarketPosition): void {
    this.positions.set(position.ticker, position);
  }

  /**
   * A later read: what it reflects is replaced by it; what it may not reflect stays counted.
   * `streamTickers`: markets whose position the stream set while the read was out (the read's
   * number may be older): their positions, held fills and fill bases are left as the stream has them.
   */
  rebase(baseline: AccountBaseline, streamTickers: ReadonlySet<MarketTicker> = new Set()): void {
    const isReflected = (seenAtMs: number): boolean => seenAtMs + this.readLagMs <= baseline.issuedAtMs;
    this.balanceE6 = baseline.balanceE6;
    this.baselineIssuedAtMs = baseline.issuedAtMs;
    for (const ticker of this.positions.keys()) if (!streamTickers.has(ticker)) this.positions.delete(ticker);
    for (const position of baseline.positions)
      if (!streamTickers.has(position.ticker)) this.positions.set(position.ticker, position);
    for (const [key, held] of this.heldFills)
      if (isReflected(held.seenAtMs) && !streamTickers.has(held.value.ticker)) this.heldFills.delete(key);
    const listed = new Set(baseline.restingOrders.map((order) => order.orderId));
    for (const [orderId, known] of this.orders)
      if (!listed.has(orderId) && isReflected(known.seenAtMs)) this.orders.delete(orderId);
    for (const order of baseline.restingOrders) {
      this.applyOrder(order, Number.NEGATIVE_INFINITY);
      const known = this.orders.get(order.orderId);
      if (known !== undefined && !streamTickers.has(order.ticker))
        known.fillBaseE2 = Math.max(known.fillBaseE2, order.fillCountE2);
    }
  }

  hasOrder(orderId: string): boolean {
    return this.orders.has(orderId);
  }

  view(excludeOrderId?: string): AccountView {
    const restingOrders: RestingOrder[] = [];
    const heldByOrder = new Map<string, number>();
    /** Markets with fills since the baseline: their resting orders may have lost closing credit. */
    const filledTickers = new Set<MarketTicker>();
    for (const { value: fill } of this.heldFills.values()) {
      restingOrders.push(leg(fill.ticker, fill.bookSide, fill.yesPriceE4, fill.countE2));
      heldByOrder.set(fill.orderId, (heldByOrder.get(fill.orderId) ?? 0) + fill.countE2);
      filledTickers.add(fill.ticker);
    }
    let holdsE6 = 0;
    const reflectedResting: CachedOrder[] = [];
    for (const { value: order, seenAtMs, fillBaseE2 } of this.orders.values()) {
      const isReflected = seenAtMs + this.readLagMs <= this.baselineIssuedAtMs;
      if (!isReflected) holdsE6 += worstCostE6(order.bookSide, order.yesPriceE4, order.initialCountE2);
      const unexplainedE2 = Math.max(
        0,
        order.fillCountE2 - fillBaseE2 - (heldByOrder.get(order.orderId) ?? 0),
      );
      if (unexplainedE2 > 0) filledTickers.add(order.ticker);
      // An amended order leaves with its remaining count; its fills not yet in a position stay.
      const isResting = order.status === 'resting' && order.orderId !== excludeOrderId;
      const workingE2 = (isResting ? order.remainingCountE2 : 0) + unexplainedE2;
      if (workingE2 > 0) restingOrders.push(leg(order.ticker, order.bookSide, order.yesPriceE4, workingE2));
      if (isReflected && order.status === 'resting') reflectedResting.push(order);
    }
    // A fill can turn another resting order from closing (no collateral) into opening: hold its cost.
    for (const order of reflectedResting)
      if (filledTickers.has(order.ticker))
        holdsE6 += worstCostE6(order.bookSide, order.yesPriceE4, order.remainingCountE2);
    return {
      positions: [...this.positions.values()],
      restingOrders,
      balanceE6: moneyE6(this.balanceE6 - holdsE6),
    };
  }
}

function leg(ticker: MarketTicker, bookSide: 'bid' | 'ask', yesPrice: number, count: number): RestingOrder {
  return {
    ticker,
    side: 'yes',
    action: bookSide === 'bid' ? 'buy' : 'sell',
    priceE4: priceE4(yesPrice),
    remainingCountE2: countE2(count),
  };
}
