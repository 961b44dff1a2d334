import { EquityPoint } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { equitySeries } from './equity-series.js';

const point = (atMs: number, equityE6: number, exposureE6 = 0): EquityPoint =>
  EquityPoint.parse({ atMs, equityE6, exposureE6, positionE2: 0 });

describe('equitySeries', () => {
  it('gives dollars per second in time order, the last sample of a second winning', () => {
    const series = equitySeries([
      point(3_000, 1_000_030_000),
      point(1_000, 1_000_000_000),
      point(2_100, 999_985_000, 400_000),
      point(2_900, 999_990_000, 450_000),
    ]);
    expect(series.equity).toEqual([
      { time: 1, value: 1_000 },
      { time: 2, value: 999.99 },
      { time: 3, value: 1_000.03 },
    ]);
    expect(series.exposure).toEqual([
      { time: 1, value: 0 },
      { time: 2, value: 0.45 },
      { time: 3, value: 0 },
    ]);
  });

  it('is empty for no points', () => {
    expect(equitySeries([])).toEqual({ equity: [], exposure: [] });
  });
});
