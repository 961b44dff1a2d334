/**
 * One run's report as it grows: the cancel step, each market's position before and at the last
 * read, orders sent and filled, and why a market is left (residual). `snapshot()` is the wire
 * `FlattenReport`, validated with the protocol schema.
 */
import { FlattenReport, countE2, signedCountE2 } from '@pt/protocol';
import type { FlattenCancelResult, FlattenMarketStatus, FlattenResidualReason } from '@pt/protocol';

export interface MarketProgress {
  readonly ticker: string;
  readonly positionBeforeE2: number;
  positionAfterE2: number;
  status: FlattenMarketStatus;
  reason: FlattenResidualReason | null;
  detail: string | null;
  ordersSent: number;
  filledCountE2: number;
  /** Why the last pass sent nothing here (no liquidity, paused…), kept while the market works. */
  pending: { reason: FlattenResidualReason; detail: string } | null;
}

export class ReportBuilder {
  status: 'running' | 'finished' = 'running';
  finishedAtMs: number | null = null;
  isHaltPersisted = false;
  cancel: FlattenCancelResult | null = null;
  positionsBefore: number | null = null;
  failure: string | null = null;
  private readonly markets = new Map<string, MarketProgress>();

  constructor(
    readonly flattenId: string,
    readonly startedAtMs: number,
    readonly maxSlippageE4: number,
    readonly deadlineMs: number,
  ) {}

  /** The market's entry, added (working) the first time a read shows a position there. */
  track(ticker: string, positionE2: number): MarketProgress {
    const existing = this.markets.get(ticker);
    if (existing !== undefined) return existing;
    const market: MarketProgress = {
      ticker,
      positionBeforeE2: positionE2,
      positionAfterE2: positionE2,
      status: positionE2 === 0 ? 'flattened' : 'working',
      reason: null,
      detail: null,
      ordersSent: 0,
      filledCountE2: 0,
      pending: null,
    };
    this.markets.set(ticker, market);
    return market;
  }

  list(): MarketProgress[] {
    return [...this.markets.values()];
  }

  working(): MarketProgress[] {
    return this.list().filter((market) => market.status === 'working');
  }

  /** A fresh venue read: flat markets are flattened (whatever happened before), the rest keep their state. */
  applyPositions(positions: ReadonlyMap<string, number>): void {
    for (const [ticker, positionE2] of positions) this.track(ticker, positionE2);
    for (const market of this.markets.values()) {
      market.positionAfterE2 = positions.get(market.ticker) ?? 0;
      if (market.positionAfterE2 === 0) {
        market.status = 'flattened';
        market.reason = null;
        market.detail = null;
        market.pending = null;
      }
    }
  }

  leave(market: MarketProgress, reason: FlattenResidualReason, detail: string): void {
    if (market.status === 'flattened') return;
    market.status = 'residual';
    market.reason = reason;
    market.detail = detail;
    market.pending = null;
  }

  finish(nowMs: number): void {
    for (const market of this.working())
      this.leave(
        market,
        market.pending?.reason ?? 'deadline',
        market.pending?.detail ?? 'The deadline passed',
      );
    this.status = 'finished';
    this.finishedAtMs = nowMs;
  }

  snapshot(): FlattenReport {
    const markets = this.list();
    return FlattenReport.parse({
      flattenId: this.flattenId,
      status: this.status,
      startedAtMs: this.startedAtMs,
      finishedAtMs: this.finishedAtMs,
      maxSlippageE4: this.maxSlippageE4,
      deadlineMs: this.deadlineMs,
      isHaltPersisted: this.isHaltPersisted,
      cancel: this.cancel,
      positionsBefore: this.positionsBefore,
      positionsAfter:
        this.positionsBefore === null ? null : markets.filter((m) => m.positionAfterE2 !== 0).length,
      markets: markets.map((m) => ({
        ticker: m.ticker,
        positionBeforeE2: signedCountE2(m.positionBeforeE2),
        positionAfterE2: signedCountE2(m.positionAfterE2),
        status: m.status,
        reason: m.reason,
        detail: m.detail,
        ordersSent: m.ordersSent,
        filledCountE2: countE2(m.filledCountE2),
      })),
      failure: this.failure,
    });
  }
}
