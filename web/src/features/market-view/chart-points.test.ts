import { describe, expect, it } from 'vitest';
import { OrderBook } from '@pt/protocol';
import { appendBounded, pointOf } from './chart-points.js';
import type { ChartPoint } from './chart-points.js';

function book(bid: number | null, ask: number | null, asOfMs: number): OrderBook {
  const yesBids = bid === null ? [] : [{ priceE4: bid, countE2: 100 }];
  const noBids = ask === null ? [] : [{ priceE4: 10_000 - ask, countE2: 100 }];
  return OrderBook.parse({
    ticker: 'KXHIGHNY-26MAR02-B45.5',
    yesBids,
    noBids,
    yesAsks: noBids.map((l) => ({ priceE4: 10_000 - l.priceE4, countE2: l.countE2 })),
    noAsks: yesBids.map((l) => ({ priceE4: 10_000 - l.priceE4, countE2: l.countE2 })),
    isQuotable: true,
    asOfMs,
  });
}

describe('chart points', () => {
  it('is the YES mid in percent, one per second, none with an empty side', () => {
    expect(pointOf(book(4_500, 4_700, 12_345))).toEqual({ time: 12, value: 46 });
    expect(pointOf(book(null, 4_700, 1_000))).toBeNull();
    expect(pointOf(book(4_500, null, 1_000))).toBeNull();
  });

  it('replaces the point of the same second, ignores older ones and unchanged values', () => {
    const points: ChartPoint[] = [];
    expect(appendBounded(points, { time: 10, value: 40 })).toEqual({
      kind: 'update',
      point: { time: 10, value: 40 },
    });
    expect(appendBounded(points, { time: 10, value: 40 })).toEqual({ kind: 'none' });
    expect(appendBounded(points, { time: 10, value: 41 }).kind).toBe('update');
    expect(appendBounded(points, { time: 9, value: 50 })).toEqual({ kind: 'none' });
    expect(points).toEqual([{ time: 10, value: 41 }]);
  });

  it('rolls the oldest points off past the bound and resets the series once', () => {
    const points: ChartPoint[] = [];
    const steps = Array.from({ length: 11 }, (_, i) => appendBounded(points, { time: i, value: i }, 10, 4));
    expect(steps.slice(0, 10).every((s) => s.kind === 'update')).toBe(true);
    const last = steps[10];
    expect(last?.kind).toBe('reset');
    expect(points.map((p) => p.time)).toEqual([7, 8, 9, 10]);
    if (last?.kind === 'reset') expect(last.points).toEqual(points);
  });
});
