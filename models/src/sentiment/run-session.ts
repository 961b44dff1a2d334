/**
 * Runs the exported sentiment graph with onnxruntime-node on a batch of texts: featurize (the
 * same code as training) → pad → session.run → one probability triple per text.
 */
import * as ort from 'onnxruntime-node';
import { featurize, type FeatureSpec } from './features.js';
import { CLASS_COUNT } from './labels.js';
import { toBatch } from './sentiment-graph.js';

export type Probabilities = [number, number, number];

export async function runSentimentSession(
  session: ort.InferenceSession,
  texts: readonly string[],
  spec: FeatureSpec,
): Promise<Probabilities[]> {
  if (texts.length === 0) return [];
  const batch = toBatch(texts.map((t) => featurize(t, spec)));
  const dims = [batch.rows, batch.tokens];
  const out = await session.run({
    token_ids: new ort.Tensor('int32', batch.ids, dims),
    token_counts: new ort.Tensor('float32', batch.counts, dims),
  });
  const probabilities = out['probabilities'];
  if (!probabilities || probabilities.type !== 'float32')
    throw new Error('model returned no float32 probabilities');
  const data = probabilities.data as Float32Array;
  return Array.from({ length: batch.rows }, (_, r) => {
    const row = data.subarray(r * CLASS_COUNT, (r + 1) * CLASS_COUNT);
    return [row[0] ?? NaN, row[1] ?? NaN, row[2] ?? NaN];
  });
}
