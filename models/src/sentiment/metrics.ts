/**
 * Classification metrics for the three sentiment classes: accuracy, per-class precision/recall/F1,
 * macro-F1 (unweighted mean of the per-class F1; a class never predicted and never present counts
 * as F1 = 0 only if it is present) and the confusion matrix (rows = truth, columns = prediction).
 */
import { CLASS_COUNT, type ClassIndex } from './labels.js';

export interface ClassMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Metrics {
  readonly n: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: readonly ClassMetrics[];
  readonly confusion: readonly (readonly number[])[];
}

export function classificationMetrics(
  truth: readonly ClassIndex[],
  predicted: readonly ClassIndex[],
): Metrics {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const confusion = Array.from({ length: CLASS_COUNT }, () => new Array<number>(CLASS_COUNT).fill(0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as ClassIndex;
    (confusion[t] as number[])[p] = ((confusion[t] as number[])[p] ?? 0) + 1;
    if (t === p) correct++;
  });
  const perClass: ClassMetrics[] = [];
  for (let c = 0; c < CLASS_COUNT; c++) {
    const tp = confusion[c]?.[c] ?? 0;
    const support = (confusion[c] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + (row[c] ?? 0), 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass.push({ precision, recall, f1, support });
  }
  const present = perClass.filter((m) => m.support > 0);
  const macroF1 = present.length > 0 ? present.reduce((s, m) => s + m.f1, 0) / present.length : 0;
  return {
    n: truth.length,
    accuracy: truth.length > 0 ? correct / truth.length : 0,
    macroF1,
    perClass,
    confusion,
  };
}

export function argmax(probabilities: ArrayLike<number>): ClassIndex {
  let best = 0;
  for (let c = 1; c < CLASS_COUNT; c++) if ((probabilities[c] ?? -1) > (probabilities[best] ?? -1)) best = c;
  return best as ClassIndex;
}
