import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadSignalData, type MarketSeries } from './data.js';
import { DEFAULT_LABEL, labelAt, samplesOf, timeSplit } from './dataset.js';
import type { Quote } from './features.js';

const MIN = 60_000;
const spec = { moveTicks: 2, horizonMinutes: 15, sampleEveryMs: MIN };
const q = (min: number, midCents: number): Quote => ({
  tMs: min * MIN,
  midE4: midCents * 100,
  spreadE4: 100,
});

describe('signal dataset', () => {
  it('labels an up move of ≥ k ticks inside (t, t + h], and nothing when the window is cut', () => {
    const points = [q(0, 50), q(5, 51), q(14, 52), q(16, 60), q(40, 40)];
    expect(labelAt(points, 0, spec)).toBe(1); // 52 at 14 min
    expect(labelAt(points, 1, spec)).toBe(1); // 60 at 16 min ≤ 5 + 15
    expect(labelAt(points, 2, spec)).toBe(1);
    expect(labelAt(points, 3, spec)).toBe(0); // only 40 follows
    expect(labelAt(points, 4, spec)).toBeNull(); // series ends before 55 min
    expect(labelAt([q(0, 50), q(16, 52)], 0, spec)).toBe(0); // 16 min is outside the horizon
    // down: a fall of ≥ 2 ticks inside the window
    expect(labelAt(points, 0, spec, 'down')).toBe(0); // 50 → 51, 52: never ≤ 48
    expect(labelAt(points, 3, spec, 'down')).toBe(0); // 40 comes at 40 min, after 16 + 15
    expect(labelAt([q(0, 50), q(3, 49), q(9, 48), q(30, 48)], 0, spec, 'down')).toBe(1);
    expect(labelAt([q(0, 50), q(3, 49), q(30, 48)], 0, spec, 'down')).toBe(0); // 49 is one tick
  });

  it('loads the recorded files with the row counts of their PROVENANCE.md', () => {
    const data = loadSignalData(DEFAULT_DATA_DIR);
    const rows = (re: RegExp): number =>
      data.files.filter((f) => re.test(f.path)).reduce((a, f) => a + f.rows, 0);
    expect(rows(/KXHIGHNY-25DEC27/)).toBe(17_253);
    expect(rows(/KXHIGHNY-26JAN01/)).toBe(21_389);
    expect(rows(/LACCHA-CHA/)).toBe(5_634);
    expect(rows(/LACCHA-LAC/)).toBe(5_808);
    expect(rows(/trade_level_data/)).toBe(70_709);
    for (const s of data.series)
      for (let i = 1; i < s.points.length; i++)
        expect((s.points[i] as Quote).tMs).toBeGreaterThanOrEqual((s.points[i - 1] as Quote).tMs);
  });

  it('splits strictly by time per source: every train label window closes before any validation row', () => {
    const data = loadSignalData(DEFAULT_DATA_DIR);
    const samples = data.series.flatMap((s: MarketSeries) => samplesOf(s, DEFAULT_LABEL));
    const split = timeSplit(samples, DEFAULT_LABEL, 0.75);
    const h = DEFAULT_LABEL.horizonMinutes * MIN;
    for (const source of ['weather', 'sports', 'trades'] as const) {
      const train = split.train.filter((s) => s.source === source);
      const valid = split.validation.filter((s) => s.source === source);
      expect(train.length).toBeGreaterThan(0);
      expect(valid.length).toBeGreaterThan(0);
      const lastTrainEnd = Math.max(...train.map((s) => s.tMs + h));
      const firstValid = Math.min(...valid.map((s) => s.tMs));
      expect(lastTrainEnd).toBeLessThanOrEqual(firstValid);
    }
    // One sample per market per minute at most.
    const byTicker = new Map<string, number>();
    for (const s of samples) {
      const last = byTicker.get(s.ticker);
      if (last !== undefined) expect(s.tMs - last).toBeGreaterThanOrEqual(DEFAULT_LABEL.sampleEveryMs);
      byTicker.set(s.ticker, s.tMs);
    }
  });
});
