/**
 * Reads the learned weights back out of an exported sentiment model (its `weights` and `bias`
 * initializers), so a plain TypeScript forward pass can be checked against onnxruntime.
 */
import { decodeModel } from '../onnx/onnx-writer.js';
import { CLASS_COUNT } from './labels.js';
import type { LinearWeights } from './linear-model.js';

export function readSentimentWeights(bytes: Uint8Array): LinearWeights {
  const initializers = decodeModel(bytes).graph?.initializer ?? [];
  const floats = (name: string): { dims: number[]; data: Float32Array } => {
    const t = initializers.find((i) => i.name === name);
    if (!t?.rawData) throw new Error(`model has no raw float initializer ${name}`);
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    const data = Float32Array.from({ length: t.rawData.byteLength / 4 }, (_, i) =>
      view.getFloat32(i * 4, true),
    );
    return { dims: (t.dims ?? []).map(Number), data };
  };
  const weights = floats('weights');
  const bias = floats('bias');
  if (weights.dims.length !== 2 || weights.dims[1] !== CLASS_COUNT)
    throw new Error('weights must be [buckets, 3]');
  return { buckets: weights.dims[0] ?? 0, weights: weights.data, bias: bias.data };
}
