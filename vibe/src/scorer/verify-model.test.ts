/**
 * The scorer refuses a model that differs from its manifest entry: a changed byte (sha256), a
 * changed input shape, output name or feature spec in the manifest, or a graph whose declared
 * shapes differ from the manifest even when the sha256 entry was updated to match.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MANIFEST_PATH, MODELS_DIR, findEntry, readManifest, type ManifestEntry } from '@pt/models/manifest';
import { DATA_TYPE, decodeModel, encodeDecodedModel } from '@pt/models/onnx';
import { SENTIMENT_MODEL_FILE, SENTIMENT_MODEL_NAME } from '@pt/models/sentiment';
import { afterAll, describe, expect, it } from 'vitest';
import { OnnxSentimentScorer } from './onnx-sentiment-scorer.js';
import { ModelRejectedError } from './verify-model.js';

const root = mkdtempSync(join(tmpdir(), 'pt-scorer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const entry = findEntry(readManifest(MANIFEST_PATH), SENTIMENT_MODEL_NAME);
const modelBytes = readFileSync(join(MODELS_DIR, SENTIMENT_MODEL_FILE));
let n = 0;

/** A models/ directory copy with an edited entry (and optionally edited model bytes). */
function fixture(edit: (e: ManifestEntry) => ManifestEntry, bytes: Uint8Array = modelBytes): string {
  const dir = join(root, String(n++));
  mkdirSync(join(dir, dirname(SENTIMENT_MODEL_FILE)), { recursive: true });
  writeFileSync(join(dir, SENTIMENT_MODEL_FILE), bytes);
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify({ schemaVersion: 1, models: [edit(structuredClone(entry))] }));
  return manifestPath;
}

async function rejection(manifestPath: string): Promise<ModelRejectedError> {
  const err = await OnnxSentimentScorer.load({ manifestPath }).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelRejectedError);
  return err as ModelRejectedError;
}

describe('verifySentimentModel via OnnxSentimentScorer.load', () => {
  it('accepts an unmodified copy', async () => {
    const dir = join(root, 'ok');
    mkdirSync(join(dir, 'sentiment'), { recursive: true });
    copyFileSync(join(MODELS_DIR, SENTIMENT_MODEL_FILE), join(dir, SENTIMENT_MODEL_FILE));
    copyFileSync(MANIFEST_PATH, join(dir, 'manifest.json'));
    const scorer = await OnnxSentimentScorer.load({ manifestPath: join(dir, 'manifest.json') });
    await scorer.close();
  });

  it('refuses a model file whose sha256 differs', async () => {
    const tampered = Buffer.from(modelBytes);
    tampered[tampered.length - 100] = (tampered[tampered.length - 100] ?? 0) ^ 0xff;
    expect((await rejection(fixture((e) => e, tampered))).field).toBe('sha256');
  });

  it('refuses a manifest whose shapes, names or feature spec differ from the scorer contract', async () => {
    const shape = fixture((e) => ({
      ...e,
      inputs: e.inputs.map((t, i) => (i === 0 ? { ...t, shape: ['batch', 64] } : t)),
    }));
    expect((await rejection(shape)).field).toBe('inputs');
    const output = fixture((e) => ({
      ...e,
      outputs: [{ name: 'logits', type: 'float', shape: ['batch', 3] }],
    }));
    expect((await rejection(output)).field).toBe('outputs');
    const buckets = fixture((e) => ({ ...e, features: { ...e.features, buckets: 65536 } }));
    expect((await rejection(buckets)).field).toBe('features');
    const tokenizer = fixture((e) => ({ ...e, features: { ...e.features, tokenizerVersion: 2 } }));
    expect((await rejection(tokenizer)).field).toBe('features');
  });

  it('refuses a graph whose declared input type differs from the manifest, even with a matching sha256', async () => {
    const model = decodeModel(modelBytes);
    const input = model.graph?.input?.[0];
    if (!input?.type?.tensorType) throw new Error('model has no typed first input');
    input.type.tensorType.elemType = DATA_TYPE.int64;
    const bytes = encodeDecodedModel(model);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await rejection(fixture((e) => ({ ...e, sha256, bytes: bytes.length }), bytes))).field).toBe(
      'inputs',
    );
  });
});
