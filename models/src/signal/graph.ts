/**
 * The signal model as an ONNX graph (opset 13, IR 8): `features` float [batch, F] →
 * Sub(mean) → Div(std) → MatMul(w [F, 1]) → Add(b) → Sigmoid → `probability` float [batch, 1].
 * The ordered feature names are stored as metadata (`feature_spec`), like the sentiment model.
 */
import { decodeModel, encodeModel, type ValueSpec } from '../onnx/onnx-writer.js';
import type { SignalWeights } from './logreg.js';
import { SIGNAL_FEATURE_SPEC, SIGNAL_INPUT, SIGNAL_OPSET, SIGNAL_OUTPUT } from './model-info.js';
import { SIGNAL_FEATURES } from './features.js';

const F = SIGNAL_FEATURES.length;
export const SIGNAL_INPUTS: readonly ValueSpec[] = [
  { name: SIGNAL_INPUT, type: 'float', shape: ['batch', F] },
];
export const SIGNAL_OUTPUTS: readonly ValueSpec[] = [
  { name: SIGNAL_OUTPUT, type: 'float', shape: ['batch', 1] },
];

export function encodeSignalModel(m: SignalWeights, version: string): Uint8Array {
  if (m.w.length !== F) throw new Error(`weights have ${m.w.length} features, the builder ${F}`);
  return encodeModel({
    graphName: 'signal_up_logreg',
    opset: SIGNAL_OPSET,
    producerVersion: version,
    modelVersion: Number(version.split('.')[0]),
    docString: `P(${SIGNAL_FEATURE_SPEC.label}); logistic regression on standardised features`,
    inputs: SIGNAL_INPUTS,
    outputs: SIGNAL_OUTPUTS,
    initializers: [
      { name: 'mean', type: 'float', dims: [F], data: m.mean },
      { name: 'std', type: 'float', dims: [F], data: m.std },
      { name: 'w', type: 'float', dims: [F, 1], data: m.w },
      { name: 'b', type: 'float', dims: [1], data: Float32Array.of(m.b) },
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
export function readSignalWeights(bytes: Uint8Array): SignalWeights {
  const graph = decodeModel(bytes).graph;
  const floats = (name: string): Float32Array => {
    const t = graph?.initializer?.find((i) => i.name === name);
    const raw = t?.rawData;
    if (!raw) throw new Error(`initializer ${name} missing`);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Float32Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  };
  return { mean: floats('mean'), std: floats('std'), w: floats('w'), b: floats('b')[0] ?? NaN };
}
