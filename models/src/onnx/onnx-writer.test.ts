/**
 * The writer's output is a real ONNX model: onnxruntime-node loads it and computes what a plain
 * TypeScript forward pass of the same weights computes (to 1e-5).
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Prng } from '../lib/prng.js';
import { IR_VERSION, decodeModel, encodeModel, type ModelSpec } from './onnx-writer.js';

const IN = 5;
const OUT = 3;

function dense(seed: number): { w: Float32Array; b: Float32Array } {
  const rng = new Prng(seed);
  const w = Float32Array.from({ length: IN * OUT }, () => rng.nextFloat() * 4 - 2);
  const b = Float32Array.from({ length: OUT }, () => rng.nextFloat() - 0.5);
  return { w, b };
}

function spec(w: Float32Array, b: Float32Array, opset = 13): ModelSpec {
  return {
    graphName: 'dense_relu_softmax',
    opset,
    producerVersion: 'test',
    modelVersion: 1,
    inputs: [{ name: 'x', type: 'float', shape: ['batch', IN] }],
    outputs: [{ name: 'y', type: 'float', shape: ['batch', OUT] }],
    initializers: [
      { name: 'w', type: 'float', dims: [IN, OUT], data: w },
      { name: 'b', type: 'float', dims: [OUT], data: b },
    ],
    nodes: [
      { op: 'MatMul', name: 'matmul', inputs: ['x', 'w'], outputs: ['xw'] },
      { op: 'Add', name: 'add', inputs: ['xw', 'b'], outputs: ['z'] },
      { op: 'Relu', name: 'relu', inputs: ['z'], outputs: ['r'] },
      { op: 'Softmax', name: 'softmax', inputs: ['r'], outputs: ['y'], attributes: { axis: { int: -1 } } },
    ],
    metadata: { purpose: 'writer test' },
  };
}

/** The same network in plain TypeScript. */
function forward(w: Float32Array, b: Float32Array, x: readonly number[]): number[] {
  const r = Array.from({ length: OUT }, (_, j) => {
    let z = b[j] ?? 0;
    for (let i = 0; i < IN; i++) z += (x[i] ?? 0) * (w[i * OUT + j] ?? 0);
    return Math.max(0, z);
  });
  const max = Math.max(...r);
  const e = r.map((v) => Math.exp(v - max));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
}

describe('encodeModel', () => {
  it('writes a model onnxruntime runs, matching the TypeScript forward pass to 1e-5', async () => {
    for (const opset of [13, 17]) {
      const { w, b } = dense(opset);
      const session = await ort.InferenceSession.create(encodeModel(spec(w, b, opset)));
      const rng = new Prng(99);
      const rows = Array.from({ length: 16 }, () =>
        Array.from({ length: IN }, () => rng.nextFloat() * 2 - 1),
      );
      const out = await session.run({
        x: new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, IN]),
      });
      const y = out['y'];
      expect(y?.dims).toEqual([rows.length, OUT]);
      const data = y?.data as Float32Array;
      rows.forEach((x, i) => {
        forward(w, b, x).forEach((p, j) =>
          expect(Math.abs((data[i * OUT + j] ?? NaN) - p)).toBeLessThan(1e-5),
        );
      });
      await session.release();
    }
  });

  it('records IR 8, the opset, initializers and metadata', () => {
    const { w, b } = dense(1);
    const model = decodeModel(encodeModel(spec(w, b, 15)));
    expect(Number(model.irVersion)).toBe(IR_VERSION);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 15]]);
    expect(model.graph?.initializer?.map((t) => t.name)).toEqual(['w', 'b']);
    expect(model.metadataProps.map((p) => [p.key, p.value])).toEqual([['purpose', 'writer test']]);
  });

  it('refuses an opset outside 13–17 and an initializer whose data does not fill its dims', () => {
    const { w, b } = dense(2);
    expect(() => encodeModel(spec(w, b, 12))).toThrow(/opset/);
    expect(() => encodeModel(spec(w, b, 18))).toThrow(/opset/);
    expect(() => encodeModel(spec(w.subarray(1), b))).toThrow(/initializer w/);
  });
});
