/**
 * The run's report: a later read at 0 flattens a market whatever happened before, a residual
 * always says why, finishing leaves working markets with their last reason (else the deadline),
 * and every snapshot is a valid protocol FlattenReport.
 */
import { FlattenReport } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from './report.js';

const ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('ReportBuilder', () => {
  it('tracks markets from venue reads; a read at 0 flattens, even a residual one', () => {
    const report = new ReportBuilder(ID, 1_000, 500, 20_000);
    report.applyPositions(
      new Map([
        ['MKT-A', 300],
        ['MKT-B', -200],
      ]),
    );
    report.positionsBefore = report.working().length;
    const [a, b] = report.list();
    if (a === undefined || b === undefined) throw new Error('two markets');
    report.leave(b, 'market_paused', 'Exchange trading is paused');
    report.applyPositions(new Map([['MKT-A', 100]]));
    expect(report.snapshot()).toMatchObject({
      status: 'running',
      positionsBefore: 2,
      positionsAfter: 1,
      markets: [
        { ticker: 'MKT-A', positionBeforeE2: 300, positionAfterE2: 100, status: 'working', reason: null },
        { ticker: 'MKT-B', positionBeforeE2: -200, positionAfterE2: 0, status: 'flattened', reason: null },
      ],
    });
  });

  it('a market first seen at a later read joins the report (an order that filled after the cancels)', () => {
    const report = new ReportBuilder(ID, 1_000, 500, 20_000);
    report.applyPositions(new Map([['MKT-A', 300]]));
    report.applyPositions(
      new Map([
        ['MKT-A', 300],
        ['MKT-C', 50],
      ]),
    );
    expect(report.working().map((m) => [m.ticker, m.positionBeforeE2])).toEqual([
      ['MKT-A', 300],
      ['MKT-C', 50],
    ]);
  });

  it('finishing leaves working markets with their pending reason, else the deadline', () => {
    const report = new ReportBuilder(ID, 1_000, 500, 20_000);
    report.applyPositions(
      new Map([
        ['MKT-A', 300],
        ['MKT-B', 100],
      ]),
    );
    const [a] = report.list();
    if (a === undefined) throw new Error('market');
    a.pending = { reason: 'no_liquidity', detail: 'No YES bid to sell into' };
    report.finish(2_000);
    const snapshot = report.snapshot();
    expect(snapshot).toMatchObject({ status: 'finished', finishedAtMs: 2_000 });
    expect(snapshot.markets.map((m) => [m.ticker, m.status, m.reason])).toEqual([
      ['MKT-A', 'residual', 'no_liquidity'],
      ['MKT-B', 'residual', 'deadline'],
    ]);
    expect(FlattenReport.safeParse(snapshot).success).toBe(true);
  });

  it('a flattened market is never turned residual', () => {
    const report = new ReportBuilder(ID, 1_000, 500, 20_000);
    report.applyPositions(new Map([['MKT-A', 300]]));
    report.applyPositions(new Map());
    const [a] = report.list();
    if (a === undefined) throw new Error('market');
    report.leave(a, 'venue_error', 'late rejection');
    report.finish(2_000);
    expect(report.snapshot().markets[0]).toMatchObject({ status: 'flattened', reason: null });
  });
});
