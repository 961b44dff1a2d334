import { describe, expect, it } from 'vitest';
import { MarketTrade } from '@pt/protocol';
import { appendBounded } from './chart-points.js';
import type { ChartPoint } from './chart-points.js';
import { historyPoints, startLive, withHistory } from './history.js';

function trade(atMs: number, yesPriceE4: number, id = atMs): MarketTrade {
  return MarketTrade.parse({
    tradeId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    yesPriceE4,
    countE2: 100,
    takerSide: 'yes',
    executedAtMs: atMs,
  });
}

describe('historyPoints', () => {
  it('orders newest-first trades oldest first, one point per second (the last print wins), in percent', () => {
    const trades = [
      trade(3_900, 5_700, 4),
      trade(3_100, 5_600, 3),
      trade(2_000, 5_500, 2),
      trade(1_500, 4_000, 1),
    ];
    expect(historyPoints(trades)).toEqual([
      { time: 1, value: 40 },
      { time: 2, value: 55 },
      { time: 3, value: 57 },
    ]);
  });

  it('keeps only the newest `keep` points', () => {
    const trades = Array.from({ length: 10 }, (_, i) => trade(i * 1_000, 100 * (i + 1)));
    expect(historyPoints(trades, 3).map((p) => p.time)).toEqual([7, 8, 9]);
  });
});

describe('withHistory', () => {
  it('draws the history alone before any live point, then live updates continue it', () => {
    const points: ChartPoint[] = [];
    const step = withHistory(
      points,
      [
        { time: 1, value: 40 },
        { time: 5, value: 45 },
      ],
      null,
    );
    expect(step).toEqual({
      kind: 'reset',
      points: [
        { time: 1, value: 40 },
        { time: 5, value: 45 },
      ],
    });
    expect(appendBounded(points, { time: 9, value: 50 })).toEqual({
      kind: 'update',
      point: { time: 9, value: 50 },
    });
    expect(points.map((p) => p.time)).toEqual([1, 5, 9]);
  });

  it('keeps live points and fills in only before the first of them', () => {
    const points: ChartPoint[] = [
      { time: 10, value: 50 },
      { time: 11, value: 51 },
    ];
    const step = withHistory(
      points,
      [
        { time: 8, value: 44 },
        { time: 10, value: 99 },
        { time: 12, value: 99 },
      ],
      10,
    );
    expect(step.kind).toBe('reset');
    expect(points).toEqual([
      { time: 8, value: 44 },
      { time: 10, value: 50 },
      { time: 11, value: 51 },
    ]);
  });

  it('replaces an earlier (cached) history with a newer one, live points untouched', () => {
    const points: ChartPoint[] = [];
    withHistory(
      points,
      [
        { time: 1, value: 10 },
        { time: 2, value: 20 },
      ],
      null,
    );
    appendBounded(points, { time: 30, value: 50 });
    withHistory(
      points,
      [
        { time: 3, value: 33 },
        { time: 29, value: 49 },
      ],
      30,
    );
    expect(points).toEqual([
      { time: 3, value: 33 },
      { time: 29, value: 49 },
      { time: 30, value: 50 },
    ]);
  });

  it('is bounded to keep points (live points first to stay), and a no-op with nothing to add', () => {
    const points: ChartPoint[] = [{ time: 100, value: 1 }];
    const history = Array.from({ length: 50 }, (_, i) => ({ time: i, value: i }));
    withHistory(points, history, 100, 10);
    expect(points).toHaveLength(10);
    expect(points.at(-1)).toEqual({ time: 100, value: 1 });
    expect(points[0]?.time).toBe(41);
    // A newer history with nothing before the live point drops the older one.
    withHistory(points, [{ time: 200, value: 2 }], 100, 10);
    expect(points).toEqual([{ time: 100, value: 1 }]);
    const live: ChartPoint[] = [{ time: 100, value: 1 }];
    expect(withHistory(live, [{ time: 200, value: 2 }], 100)).toEqual({ kind: 'none' });
  });
});

describe('startLive', () => {
  it('drops history at or after the first live point so live updates are never hidden behind it', () => {
    const points: ChartPoint[] = [
      { time: 1, value: 10 },
      { time: 5, value: 50 },
      { time: 9, value: 90 },
    ];
    expect(startLive(points, 5)).toEqual({ kind: 'reset', points: [{ time: 1, value: 10 }] });
    expect(appendBounded(points, { time: 5, value: 55 }).kind).toBe('update');
    expect(startLive([{ time: 1, value: 10 }], 5)).toEqual({ kind: 'none' });
  });
});
