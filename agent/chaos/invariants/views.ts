/**
 * The two sides the invariants compare, reduced to what they compare: the venue's truth, read
 * through the simulator's REST API with the agent's own key, and the agent's view, read through
 * its loopback API. Counts are CountE2, money MoneyE6 (integers).
 */
import {
  FlattenReport,
  OrderList,
  PortfolioFillsPage,
  PortfolioResponse,
  type Order,
  type OrderOrigin,
} from '@pt/protocol';
import { collectAll } from '../../src/connectors/kalshi/http/paginate.js';
import type { KalshiHttp } from '../../src/connectors/kalshi/http/index.js';

export interface VenueOrderRow {
  orderId: string;
  clientOrderId: string | undefined;
  ticker: string;
  status: 'resting' | 'canceled' | 'executed';
  fillCountE2: number;
  createdAtMs: number | undefined;
}

export interface VenueTruth {
  orders: VenueOrderRow[];
  /** Filled contracts per venue order id, summed over the venue's fills. */
  fillsByOrder: Map<string, number>;
  /** Non-zero positions by ticker (signed: negative = NO). */
  positions: Map<string, number>;
  balanceE6: number;
}

export interface AgentOrderRow {
  orderId: string | null;
  clientOrderId: string | null;
  ticker: string;
  status: Order['status'];
  filledCountE2: number;
  origin: OrderOrigin['kind'];
}

export interface AgentView {
  orders: AgentOrderRow[];
  fillsByOrder: Map<string, number>;
  positions: Map<string, number>;
  availableE6: number | null;
}

export async function readVenueTruth(http: KalshiHttp): Promise<VenueTruth> {
  const orders = await collectAll((cursor) => http.getOrders({ limit: 1000, ...(cursor ? { cursor } : {}) }));
  const fills = await collectAll((cursor) => http.getFills({ limit: 1000, ...(cursor ? { cursor } : {}) }));
  const positions = await collectAll(async (cursor) => {
    const page = await http.getPositions({ limit: 1000, ...(cursor ? { cursor } : {}) });
    return { items: page.marketPositions, cursor: page.cursor };
  });
  const balance = await http.getBalance();
  return {
    orders: orders.map((o) => ({
      orderId: o.orderId,
      clientOrderId: o.clientOrderId,
      ticker: o.ticker,
      status: o.status,
      fillCountE2: o.fillCountE2,
      createdAtMs: o.createdAtMs,
    })),
    fillsByOrder: sumBy(fills.map((f) => [f.orderId, f.countE2])),
    positions: new Map(positions.filter((p) => p.positionE2 !== 0).map((p) => [p.ticker, p.positionE2])),
    balanceE6: balance.balanceE6,
  };
}

export type AgentCall = (method: string, path: string, body?: unknown) => Promise<Response>;

async function getJson(call: AgentCall, path: string): Promise<unknown> {
  const res = await call('GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function readAgentView(call: AgentCall): Promise<AgentView> {
  const { orders } = OrderList.parse(await getJson(call, '/v1/orders'));
  const fills: [string, number][] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=500' : `?limit=500&cursor=${cursor}`;
    const page = PortfolioFillsPage.parse(await getJson(call, `/v1/portfolio/fills${query}`));
    fills.push(...page.fills.map((f): [string, number] => [f.orderId, f.countE2]));
    cursor = page.nextCursor;
  } while (cursor !== null);
  const portfolio = PortfolioResponse.parse(await getJson(call, '/v1/portfolio'));
  return {
    orders: orders.map((o) => ({
      orderId: o.orderId,
      clientOrderId: o.clientOrderId,
      ticker: o.ticker,
      status: o.status,
      filledCountE2: o.filledCountE2,
      origin: o.origin.kind,
    })),
    fillsByOrder: sumBy(fills),
    positions: new Map(
      portfolio.positions
        .filter((p) => p.position.positionCountE2 !== 0)
        .map((p) => [p.position.ticker, p.position.positionCountE2]),
    ),
    availableE6: portfolio.availableMoneyE6,
  };
}

/** The latest Flatten All report, or null before the first press. */
export async function readFlattenReport(call: AgentCall): Promise<FlattenReport | null> {
  const res = await call('GET', '/v1/flatten');
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET /v1/flatten answered ${res.status}`);
  return FlattenReport.parse(await res.json());
}

function sumBy(pairs: readonly (readonly [string, number])[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, count] of pairs) sums.set(key, (sums.get(key) ?? 0) + count);
  return sums;
}
