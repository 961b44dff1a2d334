/**
 * Binary metrics for the signal model and its two baselines, measured in the same run: log-loss,
 * ROC AUC (ties counted half), and the base rate; the "momentum" heuristic is the train rate of
 * ups among rows whose 5-minute return was down / flat / up.
 */
export function logLoss(y: readonly number[], p: readonly number[]): number {
  let sum = 0;
  y.forEach((label, i) => {
    const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i] ?? NaN));
    sum -= label === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return sum / Math.max(1, y.length);
}

/** ROC AUC by the rank-sum formula; tied scores share their average rank. NaN with one class. */
export function auc(y: readonly number[], score: readonly number[]): number {
  const idx = score.map((s, i) => ({ s, y: y[i] ?? 0 })).sort((a, b) => a.s - b.s);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as { s: number }).s === (idx[i] as { s: number }).s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((idx[k] as { y: number }).y === 1) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/** Bucket of the momentum heuristic: 5-minute return down, flat or up. */
export const momentumBucket = (ret5m: number): 0 | 1 | 2 => (ret5m < 0 ? 0 : ret5m > 0 ? 2 : 1);

/** Up-rate per momentum bucket on the train rows (an empty bucket takes the overall rate). */
export function fitMomentum(ret5m: readonly number[], y: readonly number[]): [number, number, number] {
  const ups = [0, 0, 0];
  const counts = [0, 0, 0];
  ret5m.forEach((r, i) => {
    const b = momentumBucket(r);
    counts[b] = (counts[b] ?? 0) + 1;
    ups[b] = (ups[b] ?? 0) + (y[i] ?? 0);
  });
  const overall = mean(y);
  return [0, 1, 2].map((b) => ((counts[b] ?? 0) > 0 ? (ups[b] ?? 0) / (counts[b] ?? 1) : overall)) as [
    number,
    number,
    number,
  ];
}

export interface BinaryMetrics {
  readonly logLoss: number;
  readonly auc: number;
}

export function binaryMetrics(y: readonly number[], p: readonly number[]): BinaryMetrics {
  return { logLoss: logLoss(y, p), auc: auc(y, p) };
}
