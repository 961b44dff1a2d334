/**
 * One pass against the venue's portfolio (REST, through the connector's limiter): settlements to
 * apply, the status of the markets we hold (a DISPUTED one is flagged and never settled), the
 * venue's positions to reconcile against ours (the venue wins), and the balance. It only reads and
 * decides; the service writes what it decides to the ledger.
 */
import type { KalshiHttp } from '../connectors/kalshi/http/index.js';
import { collectAll } from '../connectors/kalshi/http/paginate.js';
import type { VenueMarketStatus } from '../connectors/kalshi/http/types.js';
import type { AdjustmentPayload, SettlementPayload } from './portfolio-events.js';
import type { FoldedPosition } from './portfolio-fold.js';
import type { BalanceFigures } from './portfolio-view.js';

export type SyncHttp = Pick<KalshiHttp, 'getSettlements' | 'getPositions' | 'getBalance' | 'getMarket'>;

export interface MarketInfo {
  readonly eventTicker: string;
  readonly status: VenueMarketStatus;
}

export interface SyncInputs {
  readonly http: SyncHttp;
  /** Our positions before this pass. */
  readonly positions: ReadonlyMap<string, FoldedPosition>;
  /** Settlement keys already applied (`<ticker>:<settledAtMs>`). */
  readonly appliedSettlements: ReadonlySet<string>;
  readonly nowMs: () => number;
}

export interface SyncResult {
  readonly settlements: readonly SettlementPayload[];
  /** Held markets whose venue status is disputed (their settlements, if any, were held back). */
  readonly disputed: readonly string[];
  readonly markets: ReadonlyMap<string, MarketInfo>;
  readonly balance: BalanceFigures;
}

export function settlementKey(s: { ticker: string; settledAtMs: number }): string {
  return `${s.ticker}:${s.settledAtMs}`;
}

/** Settlements of markets we hold open (a settlement of a market we never held here is not ours to book). */
export async function readSettlements(inputs: SyncInputs): Promise<SyncResult> {
  const { http, positions } = inputs;
  const open = [...positions.values()].filter((p) => p.positionE2 !== 0).map((p) => p.ticker);
  const markets = new Map<string, MarketInfo>();
  await Promise.all(
    open.map(async (ticker) => {
      const market = await http.getMarket(ticker);
      markets.set(ticker, { eventTicker: market.eventTicker, status: market.status });
    }),
  );
  const disputed = open.filter((ticker) => markets.get(ticker)?.status === 'disputed');
  const venueSettlements = await collectAll((cursor) =>
    http.getSettlements({ limit: 200, ...(cursor === undefined ? {} : { cursor }) }),
  );
  const settlements = venueSettlements
    .filter((s) => open.includes(s.ticker) && !disputed.includes(s.ticker))
    .filter((s) => !inputs.appliedSettlements.has(settlementKey(s)))
    .map((s): SettlementPayload => ({
      ticker: s.ticker,
      eventTicker: s.eventTicker,
      marketResult: s.marketResult,
      yesCountE2: s.yesCountE2,
      noCountE2: s.noCountE2,
      revenueE6: s.revenueE6,
      feeE6: s.feeCostE6,
      settledAtMs: s.settledAtMs,
    }));
  const balance = await http.getBalance();
  return {
    settlements,
    disputed,
    markets,
    balance: { availableE6: balance.balanceE6, portfolioValueE6: balance.portfolioValueE6 },
  };
}

/**
 * Our positions against the venue's (after settlements are applied): one adjustment per market
 * whose count differs, to the venue's count and basis (a market being determined or finalized
 * waits for its settlement instead). `asOfMs` is when the read was sent, so
 * fills executed before it are inside the venue's figure.
 */
export async function reconcilePositions(
  http: Pick<SyncHttp, 'getPositions'>,
  positions: ReadonlyMap<string, FoldedPosition>,
  nowMs: () => number,
  markets: ReadonlyMap<string, MarketInfo> = new Map(),
): Promise<AdjustmentPayload[]> {
  const asOfMs = nowMs();
  const venue = await collectAll(async (cursor) => {
    const page = await http.getPositions({ limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    return { items: page.marketPositions, cursor: page.cursor };
  });
  const venueByTicker = new Map(venue.map((p) => [p.ticker as string, p]));
  const tickers = new Set<string>([...positions.keys(), ...venueByTicker.keys()]);
  const adjustments: AdjustmentPayload[] = [];
  for (const ticker of [...tickers].sort()) {
    const ours = positions.get(ticker)?.positionE2 ?? 0;
    const theirs = venueByTicker.get(ticker);
    const theirCount = theirs?.positionE2 ?? 0;
    if (ours === theirCount) continue;
    // Gone from the venue's positions because it is settling: the settlement books it, not us.
    if (theirCount === 0 && isSettling(markets.get(ticker)?.status)) continue;
    adjustments.push({
      ticker: ticker as AdjustmentPayload['ticker'],
      fromE2: ours,
      toE2: theirCount,
      costE6: theirCount === 0 ? 0 : (theirs?.marketExposureE6 ?? 0),
      asOfMs,
    });
  }
  return adjustments;
}

function isSettling(status: VenueMarketStatus | undefined): boolean {
  return status === 'determined' || status === 'finalized' || status === 'disputed';
}

/**
 * The venue's reads lag its writes, and a fill may be on its way: a mismatch is acted on only when
 * the pass after the one that saw it sees the same one (same ticker, same counts) again.
 */
export function confirmMismatches(
  pending: ReadonlyMap<string, AdjustmentPayload>,
  seen: readonly AdjustmentPayload[],
): { confirmed: AdjustmentPayload[]; pending: Map<string, AdjustmentPayload> } {
  const confirmed: AdjustmentPayload[] = [];
  const next = new Map<string, AdjustmentPayload>();
  for (const a of seen) {
    const before = pending.get(a.ticker);
    if (before !== undefined && before.fromE2 === a.fromE2 && before.toE2 === a.toE2) confirmed.push(a);
    else next.set(a.ticker, a);
  }
  return { confirmed, pending: next };
}
