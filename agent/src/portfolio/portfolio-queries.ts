/**
 * What the API reads: the portfolio response and the three paged lists (fills, settlements,
 * balance history), newest first, from the current environment's service.
 */
import type {
  BalanceHistoryPage,
  BalanceHistoryQuery,
  Fill,
  PortfolioFillsPage,
  PortfolioFillsQuery,
  PortfolioResponse,
  PortfolioSettlementsPage,
  PortfolioSettlementsQuery,
} from '@pt/protocol';
import { pageNewestFirst } from './pages.js';
import type { PortfolioService } from './portfolio-service.js';
import { toBalanceSnapshot, toFill, toPortfolioResponse, toSettlementRecord } from './to-protocol.js';

export class PortfolioQueries {
  constructor(private readonly portfolio: () => PortfolioService) {}

  summary(): PortfolioResponse {
    const service = this.portfolio();
    return toPortfolioResponse(service.view(), {
      timeZone: service.timeZone,
      disputed: service.disputedTickers(),
      availableE6: service.availableE6(),
      isVenueConnected: service.isVenueBound(),
      eventTickerOf: service.eventTickerOf,
    });
  }

  fills(query: PortfolioFillsQuery): PortfolioFillsPage {
    const all = this.portfolio()
      .distinctFills()
      .filter((fill) => query.ticker === undefined || fill.ticker === query.ticker)
      .flatMap((fill) => {
        const wire = toFill(fill);
        return wire === null ? [] : [{ wire, id: fill.ledgerId }];
      });
    const page = pageNewestFirst(all, (f) => ({ atMs: f.wire.executedAtMs, id: f.id }), query);
    return { fills: page.items.map((f): Fill => f.wire), nextCursor: page.nextCursor };
  }

  settlements(query: PortfolioSettlementsQuery): PortfolioSettlementsPage {
    const all = this.portfolio()
      .folds()
      .settlements.map((s, i) => ({ record: toSettlementRecord(s), id: i }));
    const page = pageNewestFirst(all, (s) => ({ atMs: s.record.settledAtMs, id: s.id }), query);
    return { settlements: page.items.map((s) => s.record), nextCursor: page.nextCursor };
  }

  balanceHistory(query: BalanceHistoryQuery): BalanceHistoryPage {
    const rows = this.portfolio()
      .balanceHistory(query.sinceMs)
      .filter((row) => query.untilMs === undefined || row.balance.atMs <= query.untilMs);
    const page = pageNewestFirst(rows, (r) => ({ atMs: r.balance.atMs, id: r.id }), query);
    return { snapshots: page.items.map((r) => toBalanceSnapshot(r.balance)), nextCursor: page.nextCursor };
  }
}
