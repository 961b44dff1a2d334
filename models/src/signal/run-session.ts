/** Runs the signal graph with onnxruntime-node on feature rows: [P(up), P(down)] per row. */
import * as ort from 'onnxruntime-node';
import { SIGNAL_FEATURES } from './features.js';
import { SIGNAL_CLASSES, SIGNAL_INPUT, SIGNAL_OUTPUT } from './model-info.js';

export async function runSignalSession(
  session: ort.InferenceSession,
  rows: readonly (readonly number[])[],
): Promise<[number, number][]> {
  if (rows.length === 0) return [];
  const F = SIGNAL_FEATURES.length;
  const data = new Float32Array(rows.length * F);
  rows.forEach((r, i) => data.set(r, i * F));
  const out = await session.run({ [SIGNAL_INPUT]: new ort.Tensor('float32', data, [rows.length, F]) });
  const p = out[SIGNAL_OUTPUT];
  if (!p || p.type !== 'float32') throw new Error(`model returned no float32 ${SIGNAL_OUTPUT}`);
  const values = p.data as Float32Array;
  const K = SIGNAL_CLASSES.length;
  return rows.map((_, i) => [values[i * K] ?? NaN, values[i * K + 1] ?? NaN]);
}
