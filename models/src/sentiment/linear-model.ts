/**
 * The classifier's math in plain TypeScript: hashed features (sublinear counts log(1 + c),
 * L2-normalised) → a weight row per bucket → summed logits + bias → softmax. This is the reference the ONNX graph
 * (sentiment-graph.ts) must reproduce; the test compares the two at 1e-5.
 */
import type { SparseFeatures } from './features.js';
import { CLASS_COUNT } from './labels.js';

export interface LinearWeights {
  readonly buckets: number;
  /** buckets × CLASS_COUNT, row-major (the weight row of bucket i starts at i * CLASS_COUNT). */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Sublinear term frequency, L2-normalised: a repeated feature counts log(1 + c) (a count of 0, the
 * graph's padding, stays 0), and short and long texts weigh the same.
 */
export function normalisedCounts(features: SparseFeatures): number[] {
  const tf = features.counts.map((c) => Math.log1p(c));
  let sumSquares = 0;
  for (const t of tf) sumSquares += t * t;
  const norm = Math.sqrt(Math.max(sumSquares, NORM_EPSILON));
  return tf.map((t) => t / norm);
}

/** Floor under the sum of squares so an empty text gives zero features, not NaN. */
export const NORM_EPSILON = 1e-12;

export function logits(
  model: { weights: ArrayLike<number>; bias: ArrayLike<number> },
  features: SparseFeatures,
): number[] {
  const values = normalisedCounts(features);
  const out = Array.from({ length: CLASS_COUNT }, (_, c) => model.bias[c] ?? 0);
  features.ids.forEach((id, i) => {
    const v = values[i] ?? 0;
    for (let c = 0; c < CLASS_COUNT; c++)
      out[c] = (out[c] ?? 0) + v * (model.weights[id * CLASS_COUNT + c] ?? 0);
  });
  return out;
}

export function softmax(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Class probabilities in SENTIMENT_CLASSES order. */
export function predictProbabilities(model: LinearWeights, features: SparseFeatures): number[] {
  return softmax(logits(model, features));
}
