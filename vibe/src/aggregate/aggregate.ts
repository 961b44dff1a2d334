/**
 * Per-topic aggregation: a recency-weighted mean polarity in [−1, 1] and a confidence in [0, 1].
 * Each item weighs 2^(−age / half-life), halved when its source is unhealthy. Confidence is the
 * product of three factors, each in [0, 1]:
 *  - sample size: 1 − e^(−Σweights / `fullSampleWeight`), so a handful of fresh items is not certainty;
 *  - agreement: 1 − the weighted standard deviation of polarities (all alike → 1, split → ~0);
 *  - source health: the weighted share of items from healthy sources (unhealthy count half).
 * Pure: the caller passes the items, the health and the clock.
 */

export interface AggregateInput {
  readonly source: string;
  readonly publishedAtMs: number;
  /** [−1, 1]. */
  readonly polarity: number;
}

export interface AggregateOptions {
  readonly nowMs: number;
  readonly halfLifeMs: number;
  /** Σweights at which the sample-size factor reaches 1 − 1/e (default 5). */
  readonly fullSampleWeight?: number;
  /** Source name → healthy; a source not listed counts as unhealthy. */
  readonly isHealthy: (source: string) => boolean;
}

export interface Aggregate {
  readonly score: number;
  readonly confidence: number;
  readonly nItems: number;
  /** Items per source. */
  readonly perSource: ReadonlyMap<string, number>;
}

const UNHEALTHY_WEIGHT = 0.5;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function aggregate(items: readonly AggregateInput[], options: AggregateOptions): Aggregate {
  const perSource = new Map<string, number>();
  let weightSum = 0;
  let weighted = 0;
  let healthyWeight = 0;
  const weights: number[] = [];
  for (const item of items) {
    perSource.set(item.source, (perSource.get(item.source) ?? 0) + 1);
    const ageMs = Math.max(0, options.nowMs - item.publishedAtMs);
    const isHealthy = options.isHealthy(item.source);
    const weight = 2 ** (-ageMs / options.halfLifeMs) * (isHealthy ? 1 : UNHEALTHY_WEIGHT);
    weights.push(weight);
    weightSum += weight;
    weighted += weight * clamp(item.polarity, -1, 1);
    if (isHealthy) healthyWeight += weight;
  }
  if (items.length === 0 || weightSum <= 0)
    return { score: 0, confidence: 0, nItems: items.length, perSource };
  const score = clamp(weighted / weightSum, -1, 1);
  let variance = 0;
  items.forEach((item, index) => {
    variance += (weights[index] ?? 0) * (clamp(item.polarity, -1, 1) - score) ** 2;
  });
  const agreement = 1 - clamp(Math.sqrt(variance / weightSum), 0, 1);
  const sample = 1 - Math.exp(-weightSum / (options.fullSampleWeight ?? 5));
  const health = (healthyWeight + UNHEALTHY_WEIGHT * (weightSum - healthyWeight)) / weightSum;
  const confidence = clamp(sample * agreement * health, 0, 1);
  return { score, confidence, nItems: items.length, perSource };
}
