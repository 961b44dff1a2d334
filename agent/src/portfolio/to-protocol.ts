/**
 * Internal portfolio values → protocol shapes (rows never go to the wire as they are). Venue ids
 * the protocol refuses (a fill id that is not GUID-shaped) make that fill unpublishable: null.
 */
import { Fill, MarketTicker, formatCountFp, signedCountE2 } from '@pt/protocol';
import type {
  BalanceSnapshot,
  PortfolioPosition,
  PortfolioResponse,
  Position,
  SettlementRecord,
} from '@pt/protocol';
import type { MergedFill } from './fill-set.js';
import type { ActivityInput } from '../activity/index.js';
import type { AdjustmentPayload, BalancePayload } from './portfolio-events.js';
import type { AppliedSettlement } from './portfolio-fold.js';
import type { MarkedPosition, PortfolioView } from './portfolio-view.js';
import { averageCostPriceE4, realizedNetE6 } from './position-math.js';

/** Event ticker of a market: the venue's when known, else the ticker without its last segment. */
export type EventTickerOf = (ticker: string) => string;

export function eventTickerFromMarket(ticker: string): string {
  const cut = ticker.lastIndexOf('-');
  return cut > 0 ? ticker.slice(0, cut) : ticker;
}

export function toPosition(marked: MarkedPosition, eventTickerOf: EventTickerOf): Position {
  const p = marked.position;
  return {
    ticker: MarketTicker.parse(p.ticker),
    eventTicker: eventTickerOf(p.ticker) as Position['eventTicker'],
    positionCountE2: p.positionE2 as Position['positionCountE2'],
    exposureMoneyE6: p.costE6 as Position['exposureMoneyE6'],
    realizedPnlMoneyE6: realizedNetE6(p) as Position['realizedPnlMoneyE6'],
    unrealizedPnlMoneyE6: (marked.mark?.unrealizedE6 ?? null) as Position['unrealizedPnlMoneyE6'],
    feesPaidMoneyE6: p.feesE6 as Position['feesPaidMoneyE6'],
    totalTradedMoneyE6: p.tradedE6 as Position['totalTradedMoneyE6'],
    updatedAtMs: p.updatedAtMs,
  };
}

export function toPortfolioPosition(marked: MarkedPosition, eventTickerOf: EventTickerOf): PortfolioPosition {
  const isOpen = marked.position.positionE2 !== 0;
  return {
    position: toPosition(marked, eventTickerOf),
    averageCostPriceE4: averageCostPriceE4(marked.position) as PortfolioPosition['averageCostPriceE4'],
    markPriceE4: (isOpen ? (marked.mark?.priceE4 ?? null) : null) as PortfolioPosition['markPriceE4'],
    marketValueMoneyE6: (marked.mark?.marketValueE6 ?? null) as PortfolioPosition['marketValueMoneyE6'],
    isDisputed: marked.isDisputed,
  };
}

type Money = PortfolioResponse['totals']['realizedPnlMoneyE6'];

export function toPortfolioResponse(
  view: PortfolioView,
  extra: {
    timeZone: string;
    disputed: readonly string[];
    availableE6: number | null;
    isVenueConnected: boolean;
    eventTickerOf: EventTickerOf;
  },
): PortfolioResponse {
  const m = (n: number) => n as Money;
  const equity = view.equityE6;
  const peak = view.peakE6;
  return {
    positions: view.positions.map((p) => toPortfolioPosition(p, extra.eventTickerOf)),
    totals: {
      realizedPnlMoneyE6: m(view.realizedNetE6),
      unrealizedPnlMoneyE6: m(view.unrealizedE6),
      feesPaidMoneyE6: m(view.feesE6),
      exposureMoneyE6: m(view.exposureE6),
    },
    today: {
      date: view.today.date,
      timeZone: extra.timeZone,
      realizedPnlMoneyE6: m(view.today.realizedE6),
      markedPnlMoneyE6: m(view.today.markedE6),
      totalPnlMoneyE6: m(view.today.realizedE6 + view.today.markedE6),
    },
    availableMoneyE6: extra.availableE6 === null ? null : m(extra.availableE6),
    equity: {
      equityMoneyE6: equity === null ? null : m(equity),
      peakMoneyE6: peak === null ? null : m(peak),
      drawdownMoneyE6: equity === null || peak === null ? null : m(Math.max(0, peak - equity)),
    },
    flags: {
      unmarkedTickers: view.unmarkedTickers.map((t) => MarketTicker.parse(t)),
      disputedTickers: [...extra.disputed].sort().map((t) => MarketTicker.parse(t)),
      isVenueConnected: extra.isVenueConnected,
    },
    asOfMs: view.asOfMs,
  };
}

export function toFill(fill: MergedFill): Fill | null {
  const parsed = Fill.safeParse({
    fillId: fill.fillId ?? fill.tradeId,
    tradeId: fill.tradeId ?? fill.fillId,
    orderId: fill.orderId,
    clientOrderId: fill.clientOrderId,
    ticker: fill.ticker,
    side: fill.side,
    priceE4: fill.yesPriceE4,
    countE2: fill.countE2,
    feeMoneyE6: fill.feeE6,
    isTaker: fill.isTaker,
    postPositionCountE2: fill.postPositionE2,
    executedAtMs: fill.executedAtMs,
  });
  return parsed.success ? parsed.data : null;
}

export function toSettlementRecord(s: AppliedSettlement): SettlementRecord {
  const m = (n: number) => n as SettlementRecord['revenueMoneyE6'];
  return {
    ticker: s.ticker,
    eventTicker: s.eventTicker as SettlementRecord['eventTicker'],
    marketResult: s.marketResult,
    yesCountE2: s.yesCountE2 as SettlementRecord['yesCountE2'],
    noCountE2: s.noCountE2 as SettlementRecord['noCountE2'],
    revenueMoneyE6: m(s.revenueE6),
    costMoneyE6: m(s.costE6),
    realizedPnlMoneyE6: m(s.realizedE6),
    feeMoneyE6: m(s.feeE6),
    positionCountE2: s.positionE2 as SettlementRecord['positionCountE2'],
    settledAtMs: s.settledAtMs,
  };
}

export function toBalanceSnapshot(b: BalancePayload): BalanceSnapshot {
  const m = (n: number) => n as BalanceSnapshot['availableMoneyE6'];
  return {
    availableMoneyE6: m(b.availableE6),
    portfolioValueMoneyE6: m(b.portfolioValueE6),
    equityMoneyE6: b.equityE6 === null ? null : m(b.equityE6),
    reason: b.reason,
    atMs: b.atMs,
  };
}

/** The activity entry of a reconciliation that took the venue's position over ours. */
export function positionMismatch(a: AdjustmentPayload): ActivityInput {
  return {
    key: `position-mismatch:${a.ticker}:${a.asOfMs}`,
    kind: 'reconciliation',
    severity: 'warning',
    message: `Position mismatch on ${a.ticker}: our fills say ${formatCountFp(signedCountE2(a.fromE2))} contracts, the venue ${formatCountFp(signedCountE2(a.toE2))}; the venue's position is taken.`,
    ticker: a.ticker,
  };
}
