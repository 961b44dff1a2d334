/**
 * Logistic regression for the signal model: features standardised with the train rows' mean and
 * standard deviation (both stored in the graph), mini-batch Adam on log-loss with L2, shuffles from
 * the seeded PRNG. `predictSignal` is the plain TypeScript forward pass the ONNX graph must match.
 */
import { Prng } from '../lib/prng.js';
import type { ProgressBar } from '../lib/progress.js';

export interface SignalWeights {
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly w: Float32Array;
  readonly b: number;
}

export interface FitOptions {
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly l2: number;
}

export const DEFAULT_FIT: FitOptions = {
  seed: 20261125,
  epochs: 30,
  batchSize: 256,
  learningRate: 0.01,
  l2: 1e-3,
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** P(up) for one feature row; float32 weights as the graph holds them. */
export function predictSignal(m: SignalWeights, x: readonly number[]): number {
  let z = m.b;
  for (let f = 0; f < m.w.length; f++) {
    const v = Math.fround(x[f] ?? NaN);
    z += (m.w[f] as number) * Math.fround((v - (m.mean[f] as number)) / (m.std[f] as number));
  }
  return sigmoid(z);
}

function standardiser(
  xs: readonly (readonly number[])[],
  dims: number,
): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(dims);
  const std = new Float32Array(dims);
  for (let f = 0; f < dims; f++) {
    let s = 0;
    let sq = 0;
    for (const x of xs) {
      s += x[f] ?? 0;
      sq += (x[f] ?? 0) ** 2;
    }
    const m = s / xs.length;
    mean[f] = m;
    std[f] = Math.max(1e-6, Math.sqrt(Math.max(0, sq / xs.length - m * m)));
  }
  return { mean, std };
}

export function fitSignal(
  xs: readonly (readonly number[])[],
  y: readonly number[],
  options: FitOptions,
  bar?: ProgressBar,
): SignalWeights {
  if (xs.length === 0) throw new Error('no training rows');
  const dims = (xs[0] as readonly number[]).length;
  const { mean, std } = standardiser(xs, dims);
  const z = xs.map((x) => x.map((v, f) => (v - (mean[f] as number)) / (std[f] as number)));
  const w = new Float64Array(dims + 1); // last = bias
  const m1 = new Float64Array(dims + 1);
  const m2 = new Float64Array(dims + 1);
  const rng = new Prng(options.seed);
  const order = xs.map((_, i) => i);
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    rng.shuffle(order);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      const grad = new Float64Array(dims + 1);
      for (const i of batch) {
        const row = z[i] as number[];
        let s = w[dims] as number;
        for (let f = 0; f < dims; f++) s += (w[f] as number) * (row[f] as number);
        const err = sigmoid(s) - (y[i] as number);
        for (let f = 0; f < dims; f++) grad[f] = (grad[f] as number) + err * (row[f] as number);
        grad[dims] = (grad[dims] as number) + err;
      }
      step++;
      for (let f = 0; f <= dims; f++) {
        const g = (grad[f] as number) / batch.length + (f < dims ? options.l2 * (w[f] as number) : 0);
        m1[f] = 0.9 * (m1[f] as number) + 0.1 * g;
        m2[f] = 0.999 * (m2[f] as number) + 0.001 * g * g;
        const mh = (m1[f] as number) / (1 - 0.9 ** step);
        const vh = (m2[f] as number) / (1 - 0.999 ** step);
        w[f] = (w[f] as number) - (options.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
    bar?.update(epoch, `epoch ${epoch}`);
  }
  return { mean, std, w: Float32Array.from(w.subarray(0, dims)), b: Math.fround(w[dims] as number) };
}
