/**
 * The signal model as an ONNX graph (opset 13, IR 8): `features` float [batch, F] →
 * Sub(mean) → Div(std) → MatMul(w [F, 2]) → Add(b [2]) → Sigmoid → `probability` float [batch, 2]
 * (columns: up, down; two independent logistic regressions on the same standardised features).
 * The ordered feature names are stored as metadata (`feature_spec`), like the sentiment model.
 */
import { decodeModel, encodeModel, type ValueSpec } from '../onnx/onnx-writer.js';
import type { SignalWeights } from './logreg.js';
import type { SignalTarget } from './dataset.js';
import {
  SIGNAL_CLASSES,
  SIGNAL_FEATURE_SPEC,
  SIGNAL_INPUT,
  SIGNAL_OPSET,
  SIGNAL_OUTPUT,
} from './model-info.js';
import { SIGNAL_FEATURES } from './features.js';

const F = SIGNAL_FEATURES.length;
export const SIGNAL_INPUTS: readonly ValueSpec[] = [
  { name: SIGNAL_INPUT, type: 'float', shape: ['batch', F] },
];
export const SIGNAL_OUTPUTS: readonly ValueSpec[] = [
  { name: SIGNAL_OUTPUT, type: 'float', shape: ['batch', SIGNAL_CLASSES.length] },
];

/** One weight set per output column (same mean / std: the same train rows). */
export type SignalModelWeights = Readonly<Record<SignalTarget, SignalWeights>>;

export function encodeSignalModel(models: SignalModelWeights, version: string): Uint8Array {
  const m = models.up;
  for (const c of SIGNAL_CLASSES) {
    const w = models[c];
    if (w.w.length !== F) throw new Error(`weights have ${w.w.length} features, the builder ${F}`);
    if (w.mean.some((v, i) => v !== m.mean[i]) || w.std.some((v, i) => v !== m.std[i]))
      throw new Error(`the ${c} model was standardised differently`);
  }
  const K = SIGNAL_CLASSES.length;
  const w = new Float32Array(F * K);
  SIGNAL_CLASSES.forEach((c, k) => models[c].w.forEach((v, f) => (w[f * K + k] = v)));
  return encodeModel({
    graphName: 'signal_up_logreg',
    opset: SIGNAL_OPSET,
    producerVersion: version,
    modelVersion: Number(version.split('.')[0]),
    docString: `${SIGNAL_FEATURE_SPEC.label}; logistic regressions on standardised features`,
    inputs: SIGNAL_INPUTS,
    outputs: SIGNAL_OUTPUTS,
    initializers: [
      { name: 'mean', type: 'float', dims: [F], data: m.mean },
      { name: 'std', type: 'float', dims: [F], data: m.std },
      { name: 'w', type: 'float', dims: [F, K], data: w },
      { name: 'b', type: 'float', dims: [K], data: Float32Array.from(SIGNAL_CLASSES, (c) => models[c].b) },
    ],
    nodes: [
      { op: 'Sub', name: 'centre', inputs: [SIGNAL_INPUT, 'mean'], outputs: ['centred'] },
      { op: 'Div', name: 'scale', inputs: ['centred', 'std'], outputs: ['scaled'] },
      { op: 'MatMul', name: 'dot', inputs: ['scaled', 'w'], outputs: ['logit_raw'] },
      { op: 'Add', name: 'bias', inputs: ['logit_raw', 'b'], outputs: ['logit'] },
      { op: 'Sigmoid', name: 'sigmoid', inputs: ['logit'], outputs: [SIGNAL_OUTPUT] },
    ],
    metadata: { feature_spec: JSON.stringify(SIGNAL_FEATURE_SPEC) },
  });
}

/** The weights back out of an exported signal graph (for parity checks of a committed file). */
export function readSignalWeights(bytes: Uint8Array): SignalModelWeights {
  const graph = decodeModel(bytes).graph;
  const floats = (name: string): Float32Array => {
    const t = graph?.initializer?.find((i) => i.name === name);
    const raw = t?.rawData;
    if (!raw) throw new Error(`initializer ${name} missing`);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Float32Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  };
  const K = SIGNAL_CLASSES.length;
  const [mean, std, w, b] = [floats('mean'), floats('std'), floats('w'), floats('b')];
  const column = (k: number): SignalWeights => ({
    mean,
    std,
    w: Float32Array.from({ length: w.length / K }, (_, f) => w[f * K + k] ?? NaN),
    b: b[k] ?? NaN,
  });
  return { up: column(0), down: column(1) };
}
