/**
 * The signal model's features, pure (no I/O): the SAME code builds the training rows and, at run
 * time, the strategies' feature vectors. A feature at point i reads points[0..i] only (no
 * look-ahead; features.test.ts proves it by changing or cutting everything after i).
 *
 * A quote is one market's mid (PriceE4, an integer) and spread (PriceE4, or null when only trade
 * prints are known) at a time. Unchanged quotes are dropped (`appendQuote`), so "activity" counts
 * changes, the same in training and at run time.
 */

export interface Quote {
  readonly tMs: number;
  /** Mid probability × 10^4 (PriceE4, integer 0..10000). */
  readonly midE4: number;
  /** Best ask − best bid in PriceE4; null for trade-print series (no book). */
  readonly spreadE4: number | null;
}

/** Feature names in the order of the model's input columns (the manifest stores this list). */
export const SIGNAL_FEATURES = [
  'mid',
  'ret_5m',
  'ret_30m',
  'vol_20',
  'z_20',
  'spread',
  'has_book',
  'activity_10m',
  'edge_distance',
] as const;
export type SignalFeatureName = (typeof SIGNAL_FEATURES)[number];
export const SIGNAL_FEATURE_VERSION = 1;

/** A feature vector with its names, so a consumer can check name and order before predicting. */
export interface FeatureVector {
  readonly names: readonly string[];
  readonly values: readonly number[];
}

const MINUTE_MS = 60_000;
const ROLL = 20;
const MIN_STD = 0.005;

/**
 * The quote of a top of book (yes bid / yes ask in PriceE4), as training builds it from the
 * recorded books: null when the book is unquotable (no bid, no ask, or crossed).
 */
export function quoteFromBook(tMs: number, yesBidE4: number, yesAskE4: number): Quote | null {
  if (yesBidE4 <= 0 || yesAskE4 >= 10_000 || yesAskE4 < yesBidE4) return null;
  return { tMs, midE4: Math.round((yesBidE4 + yesAskE4) / 2), spreadE4: yesAskE4 - yesBidE4 };
}

/** The quote of a trade print (yes price in PriceE4): no book, so no spread. */
export function quoteFromTrade(tMs: number, yesPriceE4: number): Quote {
  return { tMs, midE4: yesPriceE4, spreadE4: null };
}

/** Appends q unless it is out of order or repeats the last quote; returns whether it was kept. */
export function appendQuote(points: Quote[], q: Quote): boolean {
  if (!Number.isInteger(q.midE4) || q.midE4 < 0 || q.midE4 > 10_000)
    throw new Error(`midE4 must be an integer PriceE4 in 0..10000, got ${q.midE4}`);
  const last = points[points.length - 1];
  if (last && (q.tMs < last.tMs || (q.midE4 === last.midE4 && q.spreadE4 === last.spreadE4))) return false;
  points.push(q);
  return true;
}

/** Mid (probability) of the last point at or before `t`, or of the first point if none is. */
function midAtOrBefore(points: readonly Quote[], i: number, t: number): number {
  let j = i;
  while (j > 0 && (points[j] as Quote).tMs > t) j--;
  return (points[j] as Quote).midE4 / 1e4;
}

/** The feature values at point i, in SIGNAL_FEATURES order; reads points[0..i] only. */
export function featuresAt(points: readonly Quote[], i: number): number[] {
  const p = points[i];
  if (!p) throw new Error(`no point ${i}`);
  const t = p.tMs;
  const mid = p.midE4 / 1e4;
  const from = Math.max(0, i - ROLL);
  let sumSq = 0;
  for (let j = from + 1; j <= i; j++) {
    const d = ((points[j] as Quote).midE4 - (points[j - 1] as Quote).midE4) / 1e4;
    sumSq += d * d;
  }
  const vol = i > from ? Math.sqrt(sumSq / (i - from)) : 0;
  let sum = 0;
  let sq = 0;
  const n = i - Math.max(0, i - ROLL + 1) + 1;
  for (let j = i - n + 1; j <= i; j++) {
    const m = (points[j] as Quote).midE4 / 1e4;
    sum += m;
    sq += m * m;
  }
  const mean = sum / n;
  const std = Math.sqrt(Math.max(0, sq / n - mean * mean));
  let recent = 0;
  for (let j = i; j >= 0 && (points[j] as Quote).tMs > t - 10 * MINUTE_MS; j--) recent++;
  const values: Record<SignalFeatureName, number> = {
    mid,
    ret_5m: mid - midAtOrBefore(points, i, t - 5 * MINUTE_MS),
    ret_30m: mid - midAtOrBefore(points, i, t - 30 * MINUTE_MS),
    vol_20: vol,
    z_20: (mid - mean) / Math.max(std, MIN_STD),
    spread: p.spreadE4 === null ? 0 : p.spreadE4 / 1e4,
    has_book: p.spreadE4 === null ? 0 : 1,
    activity_10m: Math.log1p(recent),
    edge_distance: Math.min(mid, 1 - mid),
  };
  return SIGNAL_FEATURES.map((name) => values[name]);
}

/**
 * Run-time builder for one market: push quotes as they arrive, read the features of the latest.
 * Keeps only what featuresAt needs (the last 21 points and 30 minutes of history), so its output
 * equals featuresAt over the full series (tested).
 */
export class SignalFeatureWindow {
  private readonly points: Quote[] = [];

  /** Returns false when the quote was dropped (older than the last, or unchanged). */
  push(q: Quote): boolean {
    if (!appendQuote(this.points, q)) return false;
    const horizon = q.tMs - 30 * MINUTE_MS;
    while (this.points.length > ROLL + 1 && (this.points[1] as Quote).tMs <= horizon) this.points.shift();
    return true;
  }

  get size(): number {
    return this.points.length;
  }

  /** Features at the latest quote, or null before the first one. */
  features(): FeatureVector | null {
    if (this.points.length === 0) return null;
    return { names: SIGNAL_FEATURES, values: featuresAt(this.points, this.points.length - 1) };
  }
}
