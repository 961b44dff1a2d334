/**
 * Down-samples a series for charts: at most about `maxPoints`, always the first and the last, and
 * in each bucket between them the lowest and the highest value (in time order), so peaks and
 * troughs (and so the drawdown) stay visible. Deterministic; returns indices into the series.
 */
export function downsampleIndices(values: readonly number[], maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  if (maxPoints < 4) throw new RangeError(`downsample: maxPoints must be ≥ 4 (got ${maxPoints})`);
  const buckets = Math.floor((maxPoints - 2) / 2);
  const inner = n - 2;
  const kept: number[] = [0];
  for (let b = 0; b < buckets; b += 1) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i += 1) {
      const v = values[i] ?? 0;
      if (v < (values[lo] ?? 0)) lo = i;
      if (v > (values[hi] ?? 0)) hi = i;
    }
    if (lo === hi) kept.push(lo);
    else kept.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  kept.push(n - 1);
  return kept;
}
