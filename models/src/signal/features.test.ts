import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadTickerStream } from './data.js';
import {
  SIGNAL_FEATURES,
  SignalFeatureWindow,
  appendQuote,
  featuresAt,
  quoteFromBook,
  quoteFromTrade,
  type Quote,
} from './features.js';

const MIN = 60_000;

/** Random quote series: non-decreasing times, integer PriceE4 mids, spread or null. */
const series = fc
  .array(
    fc.record({
      dt: fc.integer({ min: 0, max: 10 * MIN }),
      midE4: fc.integer({ min: 0, max: 10_000 }),
      spreadE4: fc.option(fc.integer({ min: 100, max: 2_000 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .map((rows) => {
    const points: Quote[] = [];
    let t = 1_700_000_000_000;
    for (const r of rows) {
      t += r.dt;
      appendQuote(points, { tMs: t, midE4: r.midE4, spreadE4: r.spreadE4 });
    }
    return points;
  });

describe('signal features', () => {
  it('a feature at point i uses only points ≤ i: cutting or rewriting the future changes nothing', () => {
    fc.assert(
      fc.property(series, fc.nat(), fc.integer({ min: 0, max: 10_000 }), (points, k, futureMid) => {
        const i = k % points.length;
        const expected = featuresAt(points, i);
        expect(featuresAt(points.slice(0, i + 1), i)).toEqual(expected);
        const rewritten = points.map((p, j) => (j > i ? { ...p, midE4: futureMid, spreadE4: null } : p));
        expect(featuresAt(rewritten, i)).toEqual(expected);
      }),
    );
  });

  it('the same holds on the real NBA ticker stream at every point', () => {
    const path = join(DEFAULT_DATA_DIR, 'kalshi-sports', 'KXNBAGAME-25NOV22LACCHA-CHA.jsonl');
    const points = loadTickerStream(path).series[0]?.points ?? [];
    expect(points.length).toBeGreaterThan(500);
    for (let i = 0; i < points.length; i += 7) {
      const future = points.slice(i + 1).map((p) => ({ ...p, midE4: 10_000 - p.midE4 }));
      expect(featuresAt([...points.slice(0, i + 1), ...future], i)).toEqual(featuresAt(points, i));
    }
  });

  it('the run-time window gives exactly the training features at its latest quote', () => {
    fc.assert(
      fc.property(series, (points) => {
        const window = new SignalFeatureWindow();
        points.forEach((p, i) => {
          expect(window.push(p)).toBe(true);
          expect(window.features()).toEqual({ names: SIGNAL_FEATURES, values: featuresAt(points, i) });
        });
        expect(window.size).toBeLessThanOrEqual(points.length);
      }),
    );
  });

  it('quotes a book as training does: mid and spread in PriceE4, null when unquotable', () => {
    expect(quoteFromBook(1, 4500, 4600)).toEqual({ tMs: 1, midE4: 4550, spreadE4: 100 });
    expect(quoteFromBook(1, 4501, 4504)).toEqual({ tMs: 1, midE4: 4503, spreadE4: 3 });
    expect(quoteFromBook(1, 0, 4600)).toBeNull();
    expect(quoteFromBook(1, 4500, 10_000)).toBeNull();
    expect(quoteFromBook(1, 4700, 4600)).toBeNull();
    expect(quoteFromTrade(2, 3100)).toEqual({ tMs: 2, midE4: 3100, spreadE4: null });
  });

  it('drops repeated and out-of-order quotes, refuses a non-integer PriceE4', () => {
    const points: Quote[] = [];
    expect(appendQuote(points, { tMs: 10, midE4: 5000, spreadE4: 100 })).toBe(true);
    expect(appendQuote(points, { tMs: 20, midE4: 5000, spreadE4: 100 })).toBe(false);
    expect(appendQuote(points, { tMs: 5, midE4: 5100, spreadE4: 100 })).toBe(false);
    expect(() => appendQuote(points, { tMs: 30, midE4: 50.5, spreadE4: 100 })).toThrow(/midE4/);
    expect(new SignalFeatureWindow().features()).toBeNull();
  });

  it('hand-checked values on a three-point series', () => {
    const points: Quote[] = [
      { tMs: 0, midE4: 4000, spreadE4: 200 },
      { tMs: 6 * MIN, midE4: 4200, spreadE4: 200 },
      { tMs: 8 * MIN, midE4: 4500, spreadE4: null },
    ];
    const v = Object.fromEntries(SIGNAL_FEATURES.map((n, j) => [n, featuresAt(points, 2)[j]]));
    expect(v['mid']).toBeCloseTo(0.45, 12);
    expect(v['ret_5m']).toBeCloseTo(0.05, 12); // 0.45 − 0.40 (the point at t=0 is the last ≤ 3 min)
    expect(v['ret_30m']).toBeCloseTo(0.05, 12); // none ≤ −22 min: the first point
    expect(v['vol_20']).toBeCloseTo(Math.sqrt((0.02 ** 2 + 0.03 ** 2) / 2), 12);
    const mean = (0.4 + 0.42 + 0.45) / 3;
    const std = Math.sqrt((0.4 ** 2 + 0.42 ** 2 + 0.45 ** 2) / 3 - mean ** 2);
    expect(v['z_20']).toBeCloseTo((0.45 - mean) / std, 9);
    expect(v['spread']).toBe(0);
    expect(v['has_book']).toBe(0);
    expect(v['activity_10m']).toBeCloseTo(Math.log1p(3), 12);
    expect(v['edge_distance']).toBeCloseTo(0.45, 12);
  });
});
