import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, MODELS_DIR, findEntry, readManifest } from '../manifest.js';
import { SIGNAL_MODEL_FILE, SIGNAL_MODEL_NAME } from './model-info.js';
import { runSignalPipeline } from './pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'signal-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signal pipeline', () => {
  it('re-run with the default seed reproduces the committed model byte for byte, keeping other entries', async () => {
    const manifestPath = join(dir, 'manifest.json');
    copyFileSync(MANIFEST_PATH, manifestPath);
    const readmePath = join(dir, 'README.md');
    writeFileSync(readmePath, '# t\n\n<!-- signal-eval:start -->\n<!-- signal-eval:end -->\n');
    const { entry, sets } = await runSignalPipeline({
      modelsDir: dir,
      manifestPath,
      readmePath,
      progress: false,
      now: () => new Date('2026-11-25T00:00:00Z'),
    });
    expect(readFileSync(join(dir, SIGNAL_MODEL_FILE))).toEqual(
      readFileSync(join(MODELS_DIR, SIGNAL_MODEL_FILE)),
    );
    const committed = findEntry(readManifest(), SIGNAL_MODEL_NAME);
    expect(entry.sha256).toBe(committed.sha256);
    expect(JSON.parse(JSON.stringify({ ...entry, trainedAt: '', trainingData: [] }))).toEqual({
      ...committed,
      trainedAt: '',
      trainingData: [],
    });
    const written = readManifest(manifestPath);
    expect(written.models.map((m) => m.name)).toEqual(readManifest().models.map((m) => m.name));
    // Metrics beside both baselines, for every source, measured in this run.
    expect(sets.map((s) => `${s.target}.${s.set}`)).toEqual(
      ['up', 'down'].flatMap((t) => ['all', 'weather', 'sports', 'trades'].map((set) => `${t}.${set}`)),
    );
    for (const s of sets) {
      expect(s.n).toBeGreaterThan(0);
      expect(Number.isFinite(s.model.logLoss) && Number.isFinite(s.heuristic.logLoss)).toBe(true);
      expect(s.baseRate.auc).toBe(s.set === 'all' ? s.baseRate.auc : 0.5);
    }
    expect(readFileSync(readmePath, 'utf8')).toMatch(/\| down +\| trades +\| \d+ +\|/);
  }, 60_000);
});
