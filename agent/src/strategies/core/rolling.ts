/** Rolling-window statistics over mid samples (pure; plain numbers, never money). */

/** Population standard deviation of the successive differences of `values`; 0 with fewer than 3. */
export function realizedVolatility(values: readonly number[]): number {
  if (values.length < 3) return 0;
  const diffs: number[] = [];
  for (let i = 1; i < values.length; i += 1) diffs.push((values[i] as number) - (values[i - 1] as number));
  const mean = diffs.reduce((sum, d) => sum + d, 0) / diffs.length;
  const variance = diffs.reduce((sum, d) => sum + (d - mean) ** 2, 0) / diffs.length;
  return Math.sqrt(variance);
}

/** Appends and keeps the newest `size` values (a new array: states are never mutated). */
export function pushWindow(values: readonly number[], value: number, size: number): number[] {
  const next = [...values, value];
  return next.length > size ? next.slice(next.length - size) : next;
}

/** The mid of a two-sided top of book, in E4 (may end in .5). */
export function midE4(bestBidE4: number, bestAskE4: number): number {
  return (bestBidE4 + bestAskE4) / 2;
}
