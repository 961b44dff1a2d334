/**
 * The sentiment classifier as an ONNX graph: token ids + counts (from featurize) in, class
 * probabilities out. Counts become log(1 + c) and are L2-normalised in the graph, the weight row of
 * every id is gathered, scaled by its value and summed, then bias and softmax:
 *   tf = Log(counts + 1); Gather(weights, ids) · (tf / ‖tf‖) → ReduceSum → Add(bias) → Softmax.
 * Padding positions carry count 0 and so contribute nothing.
 */
import { encodeModel, type ModelSpec, type ValueSpec } from '../onnx/onnx-writer.js';
import type { FeatureSpec, SparseFeatures } from './features.js';
import { CLASS_COUNT } from './labels.js';
import { NORM_EPSILON, type LinearWeights } from './linear-model.js';

export const SENTIMENT_OPSET = 13;
export const SENTIMENT_INPUTS: readonly ValueSpec[] = [
  { name: 'token_ids', type: 'int32', shape: ['batch', 'tokens'] },
  { name: 'token_counts', type: 'float', shape: ['batch', 'tokens'] },
];
export const SENTIMENT_OUTPUTS: readonly ValueSpec[] = [
  { name: 'probabilities', type: 'float', shape: ['batch', CLASS_COUNT] },
];

export function sentimentModelSpec(model: LinearWeights, spec: FeatureSpec, version: string): ModelSpec {
  if (model.buckets !== spec.buckets) throw new Error('weights and feature spec disagree on buckets');
  return {
    graphName: 'sentiment_hash_logreg',
    opset: SENTIMENT_OPSET,
    producerVersion: version,
    modelVersion: 1,
    docString:
      'bearish/neutral/bullish classifier over hashed word n-grams, stems and lexicon features (models/src/sentiment)',
    inputs: SENTIMENT_INPUTS,
    outputs: SENTIMENT_OUTPUTS,
    initializers: [
      { name: 'weights', type: 'float', dims: [model.buckets, CLASS_COUNT], data: model.weights },
      { name: 'bias', type: 'float', dims: [CLASS_COUNT], data: model.bias },
      { name: 'norm_epsilon', type: 'float', dims: [], data: Float32Array.of(NORM_EPSILON) },
      { name: 'one', type: 'float', dims: [], data: Float32Array.of(1) },
      { name: 'axis_tokens', type: 'int64', dims: [1], data: [1] },
      { name: 'axis_last', type: 'int64', dims: [1], data: [2] },
    ],
    nodes: [
      { op: 'Add', name: 'counts_plus_one', inputs: ['token_counts', 'one'], outputs: ['counts_1'] },
      { op: 'Log', name: 'sublinear', inputs: ['counts_1'], outputs: ['tf'] },
      { op: 'Mul', name: 'square', inputs: ['tf', 'tf'], outputs: ['squares'] },
      {
        op: 'ReduceSum',
        name: 'sum_squares',
        inputs: ['squares', 'axis_tokens'],
        outputs: ['sum_squares'],
        attributes: { keepdims: { int: 1 } },
      },
      { op: 'Max', name: 'floor', inputs: ['sum_squares', 'norm_epsilon'], outputs: ['sum_squares_safe'] },
      { op: 'Sqrt', name: 'norm', inputs: ['sum_squares_safe'], outputs: ['norm'] },
      { op: 'Div', name: 'normalise', inputs: ['tf', 'norm'], outputs: ['values'] },
      { op: 'Unsqueeze', name: 'expand', inputs: ['values', 'axis_last'], outputs: ['values_3d'] },
      {
        op: 'Gather',
        name: 'lookup',
        inputs: ['weights', 'token_ids'],
        outputs: ['rows'],
        attributes: { axis: { int: 0 } },
      },
      { op: 'Mul', name: 'scale', inputs: ['rows', 'values_3d'], outputs: ['scaled'] },
      {
        op: 'ReduceSum',
        name: 'bag',
        inputs: ['scaled', 'axis_tokens'],
        outputs: ['summed'],
        attributes: { keepdims: { int: 0 } },
      },
      { op: 'Add', name: 'add_bias', inputs: ['summed', 'bias'], outputs: ['logits'] },
      {
        op: 'Softmax',
        name: 'softmax',
        inputs: ['logits'],
        outputs: ['probabilities'],
        attributes: { axis: { int: -1 } },
      },
    ],
    metadata: { feature_spec: JSON.stringify(spec), classes: 'bearish,neutral,bullish' },
  };
}

export function encodeSentimentModel(model: LinearWeights, spec: FeatureSpec, version: string): Uint8Array {
  return encodeModel(sentimentModelSpec(model, spec, version));
}

export interface SentimentBatch {
  readonly ids: Int32Array;
  readonly counts: Float32Array;
  readonly rows: number;
  /** Padded length (at least 1 so an empty text still has a well-formed row). */
  readonly tokens: number;
}

/** Pads a batch of sparse features to a rectangle: id 0 with count 0 fills the tail of each row. */
export function toBatch(batch: readonly SparseFeatures[]): SentimentBatch {
  const tokens = Math.max(1, ...batch.map((f) => f.ids.length));
  const ids = new Int32Array(batch.length * tokens);
  const counts = new Float32Array(batch.length * tokens);
  batch.forEach((f, row) => {
    f.ids.forEach((id, i) => {
      ids[row * tokens + i] = id;
      counts[row * tokens + i] = f.counts[i] ?? 0;
    });
  });
  return { ids, counts, rows: batch.length, tokens };
}
