/**
 * Naive-Bayes log-count ratios for NB-weighted logistic regression (NBSVM, Wang & Manning 2012),
 * one-vs-rest per class: r_c[i] = log((p_c[i] / ‖p_c‖₁) / (q_c[i] / ‖q_c‖₁)) with
 * p_c = α + Σ_{y = c} 1[x_i > 0] and q_c = α + Σ_{y ≠ c} 1[x_i > 0] (binarised features).
 * Training scales class c's view of feature i by r_c[i]; the scale folds into the exported weights.
 */
import type { SparseFeatures } from './features.js';
import { CLASS_COUNT, type ClassIndex } from './labels.js';

/** buckets × CLASS_COUNT ratios, row-major like LinearWeights.weights. */
export function nbLogCountRatios(
  examples: readonly { readonly features: SparseFeatures; readonly label: ClassIndex }[],
  buckets: number,
  alpha: number,
): Float64Array {
  if (!(alpha > 0)) throw new Error(`nb alpha must be > 0, got ${alpha}`);
  const perClass = new Float64Array(buckets * CLASS_COUNT);
  for (const ex of examples) for (const id of ex.features.ids) perClass[id * CLASS_COUNT + ex.label]! += 1;
  const classTotals = new Array<number>(CLASS_COUNT).fill(0);
  const allTotal = { value: 0 };
  const rowTotals = new Float64Array(buckets);
  for (let i = 0; i < buckets; i++) {
    for (let c = 0; c < CLASS_COUNT; c++) {
      const n = perClass[i * CLASS_COUNT + c]!;
      classTotals[c]! += n;
      rowTotals[i]! += n;
    }
    allTotal.value += rowTotals[i]!;
  }
  const ratios = new Float64Array(buckets * CLASS_COUNT);
  for (let c = 0; c < CLASS_COUNT; c++) {
    const pNorm = classTotals[c]! + alpha * buckets;
    const qNorm = allTotal.value - classTotals[c]! + alpha * buckets;
    for (let i = 0; i < buckets; i++) {
      const p = alpha + perClass[i * CLASS_COUNT + c]!;
      const q = alpha + rowTotals[i]! - perClass[i * CLASS_COUNT + c]!;
      ratios[i * CLASS_COUNT + c] = Math.log(p / pNorm / (q / qNorm));
    }
  }
  return ratios;
}
