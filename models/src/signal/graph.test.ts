import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Prng } from '../lib/prng.js';
import { MODELS_DIR } from '../manifest.js';
import { DEFAULT_DATA_DIR, loadSignalData } from './data.js';
import { DEFAULT_LABEL, samplesOf } from './dataset.js';
import { SIGNAL_FEATURES } from './features.js';
import { encodeSignalModel, readSignalWeights, type SignalModelWeights } from './graph.js';
import { predictSignal, type SignalWeights } from './logreg.js';
import { SIGNAL_MODEL_FILE } from './model-info.js';
import { runSignalSession } from './run-session.js';

const F = SIGNAL_FEATURES.length;

async function expectParity(m: SignalModelWeights, bytes: Uint8Array, rows: number[][]): Promise<void> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const got = await runSignalSession(session, rows);
    expect(got).toHaveLength(rows.length);
    rows.forEach((x, i) => {
      expect(Math.abs((got[i]?.[0] ?? NaN) - predictSignal(m.up, x))).toBeLessThanOrEqual(1e-5);
      expect(Math.abs((got[i]?.[1] ?? NaN) - predictSignal(m.down, x))).toBeLessThanOrEqual(1e-5);
    });
  } finally {
    await session.release();
  }
}

describe('signal graph', () => {
  it('onnxruntime equals the TypeScript forward pass for random weights and inputs (1e-5)', async () => {
    const rng = new Prng(7);
    const r = (scale: number): number => (rng.nextFloat() * 2 - 1) * scale;
    const mean = Float32Array.from({ length: F }, () => r(1));
    const std = Float32Array.from({ length: F }, () => 0.1 + rng.nextFloat());
    const one = (): SignalWeights => ({
      mean,
      std,
      w: Float32Array.from({ length: F }, () => r(2)),
      b: Math.fround(r(1)),
    });
    const m: SignalModelWeights = { up: one(), down: one() };
    const rows = Array.from({ length: 200 }, () => Array.from({ length: F }, () => r(3)));
    await expectParity(m, encodeSignalModel(m, '1.0.0'), rows);
  });

  it('the committed model equals its TypeScript forward pass on real feature rows', async () => {
    const bytes = readFileSync(join(MODELS_DIR, SIGNAL_MODEL_FILE));
    const m = readSignalWeights(bytes);
    const data = loadSignalData(DEFAULT_DATA_DIR);
    const rows = data.series
      .filter((_, i) => i % 20 === 0)
      .flatMap((s) => samplesOf(s, DEFAULT_LABEL).map((x) => [...x.x]));
    expect(rows.length).toBeGreaterThan(300);
    await expectParity(m, bytes, rows);
  });

  it('refuses weights whose width differs from the feature list', () => {
    const m: SignalWeights = {
      mean: new Float32Array(3),
      std: new Float32Array(3),
      w: new Float32Array(3),
      b: 0,
    };
    expect(() => encodeSignalModel({ up: m, down: m }, '1.0.0')).toThrow(/features/);
    const ok = (mean: number): SignalWeights => ({
      mean: new Float32Array(F).fill(mean),
      std: new Float32Array(F).fill(1),
      w: new Float32Array(F),
      b: 0,
    });
    expect(() => encodeSignalModel({ up: ok(0), down: ok(1) }, '1.0.0')).toThrow(/standardised/);
  });
});
