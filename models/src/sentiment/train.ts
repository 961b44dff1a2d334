/**
 * Multinomial logistic regression on hashed features, trained with mini-batch lazy Adam, an L2 penalty
 * and class weights (inverse frequency, for macro-F1). Deterministic for a seed (own PRNG):
 * the seed fixes the train/early-stopping split and every epoch's shuffle. Early stopping watches
 * macro-F1 on a held-out slice OF THE TRAINING SET only; the validation set is never seen here.
 */
import { Prng } from '../lib/prng.js';
import type { FeatureSpec, SparseFeatures } from './features.js';
import { featurize } from './features.js';
import { CLASS_COUNT, type ClassIndex, type LabelledText } from './labels.js';
import { logits, normalisedCounts, softmax, type LinearWeights } from './linear-model.js';
import { argmax, classificationMetrics } from './metrics.js';
import { nbLogCountRatios } from './nb-ratios.js';

export interface TrainOptions {
  readonly seed: number;
  readonly spec: FeatureSpec;
  /** Fraction of the training rows held out for early stopping (stratified by class). */
  readonly holdoutFraction: number;
  readonly maxEpochs: number;
  /** Epochs without a holdout macro-F1 improvement before stopping. */
  readonly patience: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly classWeighted: boolean;
  /**
   * NB weighting (nb-ratios.ts): when set, class c sees feature i scaled by its log-count ratio
   * r_c[i] (smoothing α = nbAlpha) computed on the fit rows; the exported weights are the fitted
   * ones times r. Undefined: plain logistic regression.
   */
  readonly nbAlpha?: number | undefined;
  readonly onEpoch?: (epoch: number, report: EpochReport) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<TrainOptions, 'spec'> = {
  seed: 20261125,
  holdoutFraction: 0.15,
  maxEpochs: 40,
  patience: 5,
  batchSize: 32,
  learningRate: 0.01,
  l2: 3e-5,
  classWeighted: true,
};

export interface EpochReport {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly holdoutLogLoss: number;
  readonly holdoutMacroF1: number;
  readonly holdoutAccuracy: number;
}

export interface TrainResult {
  readonly model: LinearWeights;
  readonly bestEpoch: number;
  readonly epochs: readonly EpochReport[];
  readonly trainRows: number;
  readonly holdoutRows: number;
}

interface Example {
  readonly features: SparseFeatures;
  readonly values: readonly number[];
  readonly label: ClassIndex;
}

/** Stratified split: the same seed always holds out the same rows. */
export function stratifiedSplit<T extends { label: ClassIndex }>(
  rows: readonly T[],
  fraction: number,
  rng: Prng,
): { fit: T[]; holdout: T[] } {
  const fit: T[] = [];
  const holdout: T[] = [];
  for (let c = 0; c < CLASS_COUNT; c++) {
    const ofClass = rng.shuffle(rows.filter((r) => r.label === c));
    const cut = Math.round(ofClass.length * fraction);
    holdout.push(...ofClass.slice(0, cut));
    fit.push(...ofClass.slice(cut));
  }
  return { fit, holdout };
}

export function trainSentiment(rows: readonly LabelledText[], options: TrainOptions): TrainResult {
  const rng = new Prng(options.seed);
  const toExample = (r: LabelledText): Example => {
    const features = featurize(r.text, options.spec);
    return { features, values: normalisedCounts(features), label: r.label };
  };
  const split = stratifiedSplit(rows, options.holdoutFraction, rng);
  const fit = split.fit.map(toExample);
  const holdout = split.holdout.map(toExample);
  const classWeights = computeClassWeights(fit, options.classWeighted);

  const size = options.spec.buckets * CLASS_COUNT;
  const scale =
    options.nbAlpha === undefined ? null : nbLogCountRatios(fit, options.spec.buckets, options.nbAlpha);
  const params = new Float64Array(size + CLASS_COUNT);
  const grad = new Float64Array(size + CLASS_COUNT);
  const m = new Float64Array(size + CLASS_COUNT);
  const v = new Float64Array(size + CLASS_COUNT);
  const marked = new Uint8Array(options.spec.buckets);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;

  let best = { macroF1: -1, epoch: 0, params: params.slice() };
  const epochs: EpochReport[] = [];
  const order = fit.map((_, i) => i);
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    rng.shuffle(order);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      const rowsTouched: number[] = [];
      for (const index of batch) {
        const ex = fit[index] as Example;
        const probs = softmax(logitsOf(params, size, ex, scale));
        const w = classWeights[ex.label] ?? 1;
        lossSum -= w * Math.log(Math.max(probs[ex.label] ?? 0, 1e-12));
        ex.features.ids.forEach((id, i) => {
          if (marked[id] === 0) {
            marked[id] = 1;
            rowsTouched.push(id);
          }
          for (let c = 0; c < CLASS_COUNT; c++) {
            const k = id * CLASS_COUNT + c;
            const g = (w * ((probs[c] ?? 0) - (c === ex.label ? 1 : 0))) / batch.length;
            const x = (ex.values[i] ?? 0) * (scale === null ? 1 : (scale[k] ?? 0));
            grad[k] = (grad[k] ?? 0) + g * x;
          }
        });
        for (let c = 0; c < CLASS_COUNT; c++) {
          grad[size + c] =
            (grad[size + c] ?? 0) + (w * ((probs[c] ?? 0) - (c === ex.label ? 1 : 0))) / batch.length;
        }
      }
      step++;
      const lr = (options.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      const adam = (k: number, penalty: number): void => {
        const g = (grad[k] ?? 0) + penalty * (params[k] ?? 0);
        const mk = beta1 * (m[k] ?? 0) + (1 - beta1) * g;
        const vk = beta2 * (v[k] ?? 0) + (1 - beta2) * g * g;
        m[k] = mk;
        v[k] = vk;
        params[k] = (params[k] ?? 0) - (lr * mk) / (Math.sqrt(vk) + 1e-8);
        grad[k] = 0;
      };
      // Lazy Adam: only the weight rows of buckets present in the batch move (and are penalised).
      for (const id of rowsTouched) {
        marked[id] = 0;
        for (let c = 0; c < CLASS_COUNT; c++) adam(id * CLASS_COUNT + c, options.l2);
      }
      for (let c = 0; c < CLASS_COUNT; c++) adam(size + c, 0);
    }
    const report = evaluateHoldout(params, size, scale, holdout, epoch, lossSum / Math.max(1, fit.length));
    epochs.push(report);
    options.onEpoch?.(epoch, report);
    // Without a holdout (a refit at a known epoch count) the last epoch is the model.
    if (holdout.length === 0 || report.holdoutMacroF1 > best.macroF1)
      best = { macroF1: report.holdoutMacroF1, epoch, params: params.slice() };
    else if (epoch - best.epoch >= options.patience) break;
  }
  const model: LinearWeights = {
    buckets: options.spec.buckets,
    weights: Float32Array.from(effectiveWeights(best.params, size, scale)),
    bias: Float32Array.from(best.params.subarray(size)),
  };
  return { model, bestEpoch: best.epoch, epochs, trainRows: fit.length, holdoutRows: holdout.length };
}

function logitsOf(params: Float64Array, size: number, ex: Example, scale: Float64Array | null): number[] {
  if (scale === null) return logits({ weights: params, bias: params.subarray(size) }, ex.features);
  const out = Array.from({ length: CLASS_COUNT }, (_, c) => params[size + c] ?? 0);
  ex.features.ids.forEach((id, i) => {
    const v = ex.values[i] ?? 0;
    for (let c = 0; c < CLASS_COUNT; c++) {
      const k = id * CLASS_COUNT + c;
      out[c] = (out[c] ?? 0) + v * (params[k] ?? 0) * (scale[k] ?? 0);
    }
  });
  return out;
}

/** The weights the graph carries: the fitted ones, times the NB ratios when training used them. */
function effectiveWeights(params: Float64Array, size: number, scale: Float64Array | null): Float64Array {
  const weights = params.subarray(0, size);
  return scale === null ? weights : weights.map((w, k) => w * (scale[k] ?? 0));
}

function computeClassWeights(examples: readonly Example[], weighted: boolean): number[] {
  if (!weighted) return new Array<number>(CLASS_COUNT).fill(1);
  const counts = new Array<number>(CLASS_COUNT).fill(0);
  for (const ex of examples) counts[ex.label] = (counts[ex.label] ?? 0) + 1;
  return counts.map((n) => examples.length / (CLASS_COUNT * Math.max(1, n)));
}

function evaluateHoldout(
  params: Float64Array,
  size: number,
  scale: Float64Array | null,
  holdout: readonly Example[],
  epoch: number,
  trainLoss: number,
): EpochReport {
  let logLoss = 0;
  const predicted: ClassIndex[] = [];
  for (const ex of holdout) {
    const probs = softmax(logitsOf(params, size, ex, scale));
    logLoss -= Math.log(Math.max(probs[ex.label] ?? 0, 1e-12));
    predicted.push(argmax(probs));
  }
  const metrics = classificationMetrics(
    holdout.map((ex) => ex.label),
    predicted,
  );
  return {
    epoch,
    trainLoss,
    holdoutLogLoss: logLoss / Math.max(1, holdout.length),
    holdoutMacroF1: metrics.macroF1,
    holdoutAccuracy: metrics.accuracy,
  };
}
