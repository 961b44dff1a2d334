/**
 * `npm run train -- sentiment` end to end into a temporary directory: with the default seed it
 * reproduces the committed models/sentiment/model.onnx byte for byte, and its manifest entry
 * parses, names the file's sha256 and carries model and VADER metrics for every dataset.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../lib/files.js';
import { MANIFEST_PATH, MODELS_DIR, findEntry, readManifest } from '../manifest.js';
import { SENTIMENT_MODEL_FILE, SENTIMENT_MODEL_NAME } from './model-info.js';
import { runSentimentPipeline } from './pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'pt-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sentiment pipeline', () => {
  it(
    'reproduces the committed model and writes a complete manifest entry',
    { timeout: 300_000 },
    async () => {
      const manifestPath = join(dir, 'manifest.json');
      const { entry } = await runSentimentPipeline({
        modelsDir: dir,
        manifestPath,
        now: () => new Date(0),
        progress: false,
      });
      const bytes = readFileSync(join(dir, SENTIMENT_MODEL_FILE));
      expect(sha256(bytes)).toBe(entry.sha256);
      expect(bytes.equals(readFileSync(join(MODELS_DIR, SENTIMENT_MODEL_FILE)))).toBe(true);

      const written = findEntry(readManifest(manifestPath), SENTIMENT_MODEL_NAME);
      expect(written).toEqual(entry);
      expect(written.trainedAt).toBe('1970-01-01T00:00:00.000Z');
      expect(written.trainingData[0]?.rows).toBe(9543);
      for (const set of ['sent_valid.csv', 'SemEval-2017 headlines', 'FiQA 2018 posts']) {
        const m = written.metrics[set] as { model?: { macroF1?: unknown }; vader?: { macroF1?: unknown } };
        expect(typeof m.model?.macroF1).toBe('number');
        expect(typeof m.vader?.macroF1).toBe('number');
      }
      // The committed manifest describes the committed file.
      const committed = findEntry(readManifest(MANIFEST_PATH), SENTIMENT_MODEL_NAME);
      expect(committed.sha256).toBe(entry.sha256);
      expect(committed.metrics).toEqual(entry.metrics);
    },
  );
});
