import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, encodeDecodedModel } from '@pt/models/onnx';
import { SENTIMENT_MODEL_NAME } from '@pt/models/sentiment';
import {
  SIGNAL_FEATURE_SPEC,
  SIGNAL_FEATURES,
  SIGNAL_MODEL_NAME,
  SignalFeatureWindow,
} from '@pt/models/signal';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AGENT_MODELS,
  ModelInputError,
  ModelRegistry,
  ModelRejectedError,
  SignalModel,
  loadModel,
} from '../../src/ml/index.js';
import { copyModels, editManifest, entryOf } from './model-dir.js';

const dirs: string[] = [];
const fresh = (): string => {
  const dir = copyModels();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function refusal(
  dir: string,
  expectedFeatures: unknown = SIGNAL_FEATURE_SPEC,
): Promise<ModelRejectedError> {
  try {
    const model = await loadModel({ name: SIGNAL_MODEL_NAME, modelsDir: dir, expectedFeatures });
    await model.close();
  } catch (err) {
    if (err instanceof ModelRejectedError) return err;
    throw err;
  }
  throw new Error('the model was accepted');
}

const signalFile = (dir: string): string => join(dir, 'signal', 'model.onnx');

/** Rewrites the signal graph with `edit`, then makes the manifest's sha256 and bytes match it. */
function reencode(dir: string, edit: (m: ReturnType<typeof decodeModel>) => void): void {
  const model = decodeModel(readFileSync(signalFile(dir)));
  edit(model);
  const bytes = encodeDecodedModel(model);
  writeFileSync(signalFile(dir), bytes);
  editManifest(dir, (m) => {
    const e = entryOf(m, SIGNAL_MODEL_NAME);
    e.sha256 = createHash('sha256').update(bytes).digest('hex');
    e.bytes = bytes.length;
  });
}

describe('agent ML loader refuses tampered copies', () => {
  it('an untouched copy loads (the baseline of every case below)', async () => {
    const model = await loadModel({
      name: SIGNAL_MODEL_NAME,
      modelsDir: fresh(),
      expectedFeatures: SIGNAL_FEATURE_SPEC,
    });
    expect(model.identity.name).toBe(SIGNAL_MODEL_NAME);
    await model.close();
  });

  it('a flipped byte → sha256; the registry keeps the other model and turns red naming it', async () => {
    const dir = fresh();
    const bytes = readFileSync(signalFile(dir));
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    writeFileSync(signalFile(dir), bytes);
    expect((await refusal(dir)).field).toBe('sha256');
    const registry = await ModelRegistry.load({ models: AGENT_MODELS, modelsDir: dir });
    try {
      const health = registry.health();
      expect(health.light).toBe('red');
      expect(health.detail).toMatch(/signal-move-logreg refused \(sha256\)/);
      expect(registry.get(SENTIMENT_MODEL_NAME)).not.toBeNull();
      expect(SignalModel.fromRegistry(registry)).toBeNull();
    } finally {
      await registry.close();
    }
  });

  it('a truncated file → bytes', async () => {
    const dir = fresh();
    writeFileSync(signalFile(dir), readFileSync(signalFile(dir)).subarray(0, 100));
    expect((await refusal(dir)).field).toBe('bytes');
  });

  it('manifest shapes, names, opset or feature list that differ from the graph → that field', async () => {
    const cases: [string, (e: ReturnType<typeof entryOf>) => void][] = [
      ['inputs', (e) => void (e.inputs[0] = { name: 'features', type: 'float', shape: ['batch', 8] })],
      ['outputs', (e) => void (e.outputs[0] = { name: 'p', type: 'float', shape: ['batch', 2] })],
      ['format.opset', (e) => void (e.format.opset = 14)],
      ['features', (e) => void (e.features['names'] = [...SIGNAL_FEATURES].reverse())],
    ];
    for (const [field, edit] of cases) {
      const dir = fresh();
      editManifest(dir, (m) => edit(entryOf(m, SIGNAL_MODEL_NAME)));
      expect((await refusal(dir)).field, field).toBe(field);
      // The graph's own feature_spec catches a changed list even when the caller states none.
      if (field === 'features') expect((await refusal(dir, undefined)).field).toBe('features');
    }
  });

  it('a re-encoded graph with another input shape (manifest hash updated) → inputs', async () => {
    const dir = fresh();
    reencode(dir, (m) => {
      const dim = m.graph?.input?.[0]?.type?.tensorType?.shape?.dim?.[1];
      if (dim) dim.dimValue = 10;
    });
    expect((await refusal(dir)).field).toBe('inputs');
  });

  it('a graph whose stored feature list differs (manifest hash updated) → features', async () => {
    const dir = fresh();
    reencode(dir, (m) => {
      const prop = m.metadataProps.find((p) => p.key === 'feature_spec');
      if (prop) prop.value = JSON.stringify({ ...SIGNAL_FEATURE_SPEC, names: ['mid'] });
    });
    expect((await refusal(dir)).field).toBe('features');
  });

  it('code built for another feature list → features; unknown name, escaping path, bad manifest → named', async () => {
    expect((await refusal(fresh(), { ...SIGNAL_FEATURE_SPEC, builderVersion: 2 })).field).toBe('features');
    const dir = fresh();
    await expect(loadModel({ name: 'nope', modelsDir: dir })).rejects.toMatchObject({ field: 'name' });
    editManifest(dir, (m) => void (entryOf(m, SIGNAL_MODEL_NAME).file = '../../etc/passwd'));
    expect((await refusal(dir)).field).toBe('file');
    editManifest(dir, (m) => void (entryOf(m, SIGNAL_MODEL_NAME).sha256 = 'not-hex'));
    const bad = await refusal(dir);
    expect(bad.field).toBe('manifest');
    expect(bad.message).toMatch(/sha256/);
  });
});

describe('stale models and feature checks', () => {
  it('older than the maximum age: gate closed with a reason, predict answers gate-closed, health amber', async () => {
    const dir = fresh();
    const trainedAt = Date.parse(readManifestTrainedAt(dir));
    let now = trainedAt + 29 * 86_400_000;
    const maxAgeMs = 30 * 86_400_000;
    const registry = await ModelRegistry.load({
      models: AGENT_MODELS,
      modelsDir: dir,
      maxAgeMs,
      now: () => now,
    });
    try {
      const signal = SignalModel.fromRegistry(registry);
      if (!signal) throw new Error('signal model refused');
      const window = new SignalFeatureWindow();
      window.push({ tMs: 0, midE4: 4500, spreadE4: 100 });
      const vector = window.features();
      if (!vector) throw new Error('no features');
      expect((await signal.predict(vector)).kind).toBe('predicted');
      expect(registry.health().light).toBe('green');
      now = trainedAt + 31 * 86_400_000;
      const gate = signal.gate();
      expect(gate.open).toBe(false);
      expect(gate.reason).toMatch(
        /signal-move-logreg@1\.0\.0 is stale: trained .*31\.0 days ago \(max 30\.0 days\)/,
      );
      const out = await signal.predict(vector);
      expect(out).toEqual({ kind: 'gate-closed', reason: gate.reason, model: signal.identity });
      const health = registry.health();
      expect(health.light).toBe('amber');
      expect(health.sinceMs).toBe(now);
      expect(health.models.find((m) => m.name === SIGNAL_MODEL_NAME)?.state).toBe('stale');
    } finally {
      await registry.close();
    }
  });

  it('predict refuses a vector whose names or order differ, or a non-finite value, naming the field', async () => {
    const signal = await SignalModel.load({ modelsDir: fresh() });
    try {
      const values = SIGNAL_FEATURES.map(() => 0.1);
      const swapped: string[] = [SIGNAL_FEATURES[1], SIGNAL_FEATURES[0], ...SIGNAL_FEATURES.slice(2)];
      await expect(signal.predict({ names: swapped, values })).rejects.toMatchObject({ field: 'names[0]' });
      await expect(signal.predict({ names: SIGNAL_FEATURES.slice(1), values })).rejects.toBeInstanceOf(
        ModelInputError,
      );
      const nan = [...values];
      nan[4] = NaN;
      await expect(signal.predict({ names: SIGNAL_FEATURES, values: nan })).rejects.toMatchObject({
        field: 'values[4]',
      });
      await expect(signal.predict({ names: SIGNAL_FEATURES, values: values.slice(1) })).rejects.toMatchObject(
        {
          field: 'values',
        },
      );
    } finally {
      await signal.model.close();
    }
  });
});

function readManifestTrainedAt(dir: string): string {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    models: { name: string; trainedAt: string }[];
  };
  return m.models.find((e) => e.name === SIGNAL_MODEL_NAME)?.trainedAt ?? '';
}
