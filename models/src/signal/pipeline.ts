/**
 * `npm run train -- signal`: load the recorded series, build samples (features from the past,
 * labels from the next h minutes), split by time per source, fit, export the ONNX graph, check
 * onnxruntime against the TypeScript forward pass (1e-5, else abort), evaluate model / base rate /
 * heuristic on validation, then write models/signal/model.onnx, its manifest entry and the README table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ort from 'onnxruntime-node';
import { prettify, replaceMarkedSection, sha256, sha256File } from '../lib/files.js';
import { progressBar } from '../lib/progress.js';
import { MANIFEST_PATH, MODELS_DIR, writeManifestEntry, type ManifestEntry } from '../manifest.js';
import { IR_VERSION } from '../onnx/onnx-writer.js';
import { DEFAULT_DATA_DIR, loadSignalData } from './data.js';
import { DEFAULT_LABEL, SIGNAL_TARGETS, samplesOf, timeSplit, type Sample } from './dataset.js';
import { evaluateSignal, signalTable, type SetMetrics } from './evaluate.js';
import { SIGNAL_INPUTS, SIGNAL_OUTPUTS, encodeSignalModel, type SignalModelWeights } from './graph.js';
import { DEFAULT_FIT, fitSignal, predictSignal } from './logreg.js';
import {
  SIGNAL_CLASSES,
  SIGNAL_FEATURE_SPEC,
  SIGNAL_MODEL_FILE,
  SIGNAL_MODEL_NAME,
  SIGNAL_MODEL_VERSION,
  SIGNAL_OPSET,
} from './model-info.js';
import { runSignalSession } from './run-session.js';

export interface SignalPipelineOptions {
  readonly dataDir?: string;
  readonly modelsDir?: string;
  readonly manifestPath?: string;
  readonly readmePath?: string;
  readonly seed?: number;
  readonly now?: () => Date;
  readonly progress?: boolean;
}

export const TRAIN_FRACTION = 0.75;
const PARITY_TOLERANCE = 1e-5;

export async function runSignalPipeline(
  options: SignalPipelineOptions = {},
): Promise<{ entry: ManifestEntry; sets: SetMetrics[]; table: string }> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const modelsDir = options.modelsDir ?? MODELS_DIR;
  const out = options.progress === false ? null : process.stderr;
  const fit = { ...DEFAULT_FIT, seed: options.seed ?? DEFAULT_FIT.seed };

  const data = loadSignalData(dataDir);
  const samples: Sample[] = [];
  const sampleBar = progressBar('features', data.series.length, out);
  data.series.forEach((s, i) => {
    samples.push(...samplesOf(s, DEFAULT_LABEL));
    sampleBar.update(i + 1, s.ticker);
  });
  const split = timeSplit(samples, DEFAULT_LABEL, TRAIN_FRACTION);
  const trainBar = progressBar('train', 2 * fit.epochs, out);
  const xs = split.train.map((s) => s.x);
  const model: SignalModelWeights = {
    up: fitSignal(
      xs,
      split.train.map((s) => s.up),
      fit,
      trainBar,
    ),
    down: fitSignal(
      xs,
      split.train.map((s) => s.down),
      { ...fit, seed: fit.seed + 1 },
      trainBar,
    ),
  };

  const bytes = encodeSignalModel(model, SIGNAL_MODEL_VERSION);
  const session = await ort.InferenceSession.create(bytes);
  let p: [number, number][];
  try {
    p = await runSignalSession(
      session,
      split.validation.map((s) => s.x),
    );
  } finally {
    await session.release();
  }
  split.validation.forEach((s, i) => {
    SIGNAL_TARGETS.forEach((target, k) => {
      const expected = predictSignal(model[target], s.x);
      const got = p[i]?.[k] ?? NaN;
      if (!(Math.abs(got - expected) <= PARITY_TOLERANCE))
        throw new Error(`ONNX/TypeScript mismatch on validation row ${i} (${target}): ${got} vs ${expected}`);
    });
  });
  const evaluations = SIGNAL_TARGETS.map((target, k) =>
    evaluateSignal(
      split.train,
      split.validation,
      p.map((row) => row[k] ?? NaN),
      target,
    ),
  );
  const sets = evaluations.flatMap((e) => e.sets);

  const modelPath = join(modelsDir, SIGNAL_MODEL_FILE);
  mkdirSync(dirname(modelPath), { recursive: true });
  writeFileSync(modelPath, bytes);
  // Paths relative to the repository (where this code lives), so a run into a temp dir hashes the same.
  const repoRoot = join(MODELS_DIR, '..');
  const trainingData = data.files.map((f) => ({
    path: relative(repoRoot, f.path),
    sha256: sha256File(f.path),
    rows: f.rows,
  }));
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  const iso = (ms: number | undefined): string | null =>
    ms === undefined ? null : new Date(ms).toISOString();
  const entry: ManifestEntry = {
    name: SIGNAL_MODEL_NAME,
    version: SIGNAL_MODEL_VERSION,
    file: SIGNAL_MODEL_FILE,
    sha256: sha256(bytes),
    bytes: bytes.length,
    format: { irVersion: IR_VERSION, opset: SIGNAL_OPSET },
    inputs: SIGNAL_INPUTS.map((t) => ({ ...t, shape: [...t.shape] })),
    outputs: SIGNAL_OUTPUTS.map((t) => ({ ...t, shape: [...t.shape] })),
    features: { ...SIGNAL_FEATURE_SPEC },
    classes: [...SIGNAL_CLASSES],
    trainedAt: (options.now?.() ?? new Date()).toISOString(),
    trainingData,
    training: {
      algorithm: 'logistic regression on standardised features, mini-batch Adam, L2',
      ...fit,
      dataSha256: sha256(trainingData.map((d) => `${d.path} ${d.sha256}\n`).join('')),
      sampleEveryMs: DEFAULT_LABEL.sampleEveryMs,
      split: `per source, time cutoff at the ${TRAIN_FRACTION} quantile of sample times; train rows end (t + h) before it`,
      cutoffs: {
        weather: iso(split.cutoffs.weather),
        sports: iso(split.cutoffs.sports),
        trades: iso(split.cutoffs.trades),
      },
      trainRows: split.train.length,
      validationRows: split.validation.length,
      heuristic: 'train rate of the target in the source by the sign of ret_5m (down / flat / up)',
      baselines: Object.fromEntries(SIGNAL_TARGETS.map((t, k) => [t, evaluations[k]?.baselines])),
    },
    metrics: Object.fromEntries(
      sets.map((s) => [
        `validation.${s.target}.${s.set}`,
        {
          n: s.n,
          rate: round(s.rate),
          model: { logLoss: round(s.model.logLoss), auc: round(s.model.auc) },
          baseRate: { logLoss: round(s.baseRate.logLoss), auc: round(s.baseRate.auc) },
          heuristic: { logLoss: round(s.heuristic.logLoss), auc: round(s.heuristic.auc) },
        },
      ]),
    ),
  };
  const manifestPath = options.manifestPath ?? MANIFEST_PATH;
  writeManifestEntry(entry, manifestPath);
  await prettify(manifestPath);
  const table = signalTable(sets);
  if (options.readmePath !== undefined || options.modelsDir === undefined) {
    const readmePath = options.readmePath ?? join(modelsDir, 'README.md');
    replaceMarkedSection(readmePath, 'signal-eval', table);
    await prettify(readmePath);
  }
  return { entry, sets, table };
}
