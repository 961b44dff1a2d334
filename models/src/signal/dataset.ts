/**
 * Training rows for the signal model: the label, the sampling of the series, and the strict
 * time-based train/validation split.
 *
 * Labels: does the mid rise (`up`) / fall (`down`) by ≥ k ticks (1 tick = 1 cent = 100 PriceE4) at
 * some point within the next h minutes? Two targets, one model output each. A point is labelled
 * only when its series runs at least h minutes past it (the window is fully observed). Samples: at most one per market per minute (the first point after
 * a minute since the last sample), so dense books do not dominate.
 *
 * Split, per source (weather, sports, trades each its own period): the cutoff is the time at the
 * given quantile of that source's sample times; train rows have their whole label window before
 * the cutoff (t + h ≤ cutoff), validation rows start at or after it. No train label sees a price
 * from the validation period of its source.
 */
import type { MarketSeries, SignalSource } from './data.js';
import { featuresAt, type Quote } from './features.js';

export interface LabelSpec {
  readonly moveTicks: number;
  readonly horizonMinutes: number;
  readonly sampleEveryMs: number;
}

export const DEFAULT_LABEL: LabelSpec = { moveTicks: 2, horizonMinutes: 15, sampleEveryMs: 60_000 };

export interface Sample {
  readonly source: SignalSource;
  readonly ticker: string;
  readonly tMs: number;
  readonly x: readonly number[];
  readonly up: 0 | 1;
  readonly down: 0 | 1;
}

export const SIGNAL_TARGETS = ['up', 'down'] as const;
export type SignalTarget = (typeof SIGNAL_TARGETS)[number];

/**
 * 1 if the mid reaches mid_i + k ticks (`up`) or mid_i − k ticks (`down`) within (t, t + h], 0 if
 * not, null if the series ends before t + h.
 */
export function labelAt(
  points: readonly Quote[],
  i: number,
  spec: LabelSpec,
  target: SignalTarget = 'up',
): 0 | 1 | null {
  const p = points[i];
  const last = points[points.length - 1];
  if (!p || !last) return null;
  const end = p.tMs + spec.horizonMinutes * 60_000;
  if (last.tMs < end) return null;
  const move = spec.moveTicks * 100;
  for (let j = i + 1; j < points.length && (points[j] as Quote).tMs <= end; j++) {
    const mid = (points[j] as Quote).midE4;
    if (target === 'up' ? mid >= p.midE4 + move : mid <= p.midE4 - move) return 1;
  }
  return 0;
}

export function samplesOf(series: MarketSeries, spec: LabelSpec): Sample[] {
  const out: Sample[] = [];
  let lastSample = -Infinity;
  series.points.forEach((p, i) => {
    if (p.tMs - lastSample < spec.sampleEveryMs) return;
    const up = labelAt(series.points, i, spec, 'up');
    const down = labelAt(series.points, i, spec, 'down');
    if (up === null || down === null) return;
    lastSample = p.tMs;
    const x = featuresAt(series.points, i);
    out.push({ source: series.source, ticker: series.ticker, tMs: p.tMs, x, up, down });
  });
  return out;
}

export interface Split {
  readonly train: Sample[];
  readonly validation: Sample[];
  /** Per source: the cutoff time (ms). */
  readonly cutoffs: Readonly<Partial<Record<SignalSource, number>>>;
}

export function timeSplit(samples: readonly Sample[], spec: LabelSpec, trainFraction: number): Split {
  const horizonMs = spec.horizonMinutes * 60_000;
  const train: Sample[] = [];
  const validation: Sample[] = [];
  const cutoffs: Partial<Record<SignalSource, number>> = {};
  const sources = [...new Set(samples.map((s) => s.source))].sort();
  for (const source of sources) {
    const own = samples.filter((s) => s.source === source);
    const times = own.map((s) => s.tMs).sort((a, b) => a - b);
    const cutoff = times[Math.min(times.length - 1, Math.floor(times.length * trainFraction))] as number;
    cutoffs[source] = cutoff;
    for (const s of own) {
      if (s.tMs + horizonMs <= cutoff) train.push(s);
      else if (s.tMs >= cutoff) validation.push(s);
    }
  }
  const byTime = (a: Sample, b: Sample): number =>
    a.tMs - b.tMs || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0);
  return { train: train.sort(byTime), validation: validation.sort(byTime), cutoffs };
}
