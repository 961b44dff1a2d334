/**
 * `npm run train -- sentiment`: train on sent_train.csv only (fit.ts), export the ONNX graph, check that
 * onnxruntime reproduces the TypeScript forward pass, evaluate model and VADER side by side on
 * sent_valid.csv, SemEval-2017 headlines and FiQA posts, then write models/sentiment/model.onnx,
 * its manifest entry and the README table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ort from 'onnxruntime-node';
import { prettify, sha256, sha256File, replaceMarkedSection } from '../lib/files.js';
import { progressBar } from '../lib/progress.js';
import { MANIFEST_PATH, MODELS_DIR, writeManifestEntry, type ManifestEntry } from '../manifest.js';
import { IR_VERSION } from '../onnx/onnx-writer.js';
import {
  DEFAULT_SENTIMENT_DIR,
  SCORE_NEUTRAL_BAND,
  loadFiqaPosts,
  loadSemEvalHeadlines,
  loadTwitterCsv,
} from './data.js';
import { evaluateSet, markdownTable, type EvalSet, type SetResult } from './evaluate.js';
import { FEATURE_SPEC, featurize } from './features.js';
import { SENTIMENT_CLASSES } from './labels.js';
import { predictProbabilities } from './linear-model.js';
import { SENTIMENT_MODEL_FILE, SENTIMENT_MODEL_NAME, SENTIMENT_MODEL_VERSION } from './model-info.js';
import { runSentimentSession } from './run-session.js';
import {
  SENTIMENT_INPUTS,
  SENTIMENT_OPSET,
  SENTIMENT_OUTPUTS,
  encodeSentimentModel,
} from './sentiment-graph.js';
import { fitSentiment } from './fit.js';
import { DEFAULT_TRAIN_OPTIONS } from './train.js';

export interface PipelineOptions {
  readonly dataDir?: string;
  readonly modelsDir?: string;
  readonly manifestPath?: string;
  readonly readmePath?: string;
  readonly seed?: number;
  readonly now?: () => Date;
  /** Progress bars on stderr (default true). */
  readonly progress?: boolean;
}

export interface PipelineResult {
  readonly entry: ManifestEntry;
  readonly results: readonly SetResult[];
  readonly table: string;
}

const PARITY_TOLERANCE = 1e-5;

export async function runSentimentPipeline(options: PipelineOptions = {}): Promise<PipelineResult> {
  const dataDir = options.dataDir ?? DEFAULT_SENTIMENT_DIR;
  const modelsDir = options.modelsDir ?? MODELS_DIR;
  const trainPath = join(dataDir, 'sent_train.csv');
  const train = loadTwitterCsv(trainPath);
  const trainOptions = {
    ...DEFAULT_TRAIN_OPTIONS,
    seed: options.seed ?? DEFAULT_TRAIN_OPTIONS.seed,
    spec: FEATURE_SPEC,
  };

  const out = options.progress === false ? null : process.stderr;
  const fitted = fitSentiment(train, trainOptions, out);
  const trained = fitted.selection;

  const bytes = encodeSentimentModel(fitted.model, FEATURE_SPEC, SENTIMENT_MODEL_VERSION);
  const session = await ort.InferenceSession.create(bytes);
  try {
    const valid = loadTwitterCsv(join(dataDir, 'sent_valid.csv'));
    await checkParity(
      session,
      fitted.model,
      valid.slice(0, 512).map((r) => r.text),
    );
    const sets: EvalSet[] = [
      { name: 'sent_valid.csv', description: 'Twitter financial news, validation split', rows: valid },
      {
        name: 'SemEval-2017 headlines',
        description: `Task 5 subtask 2 headlines, score mapped at ±${SCORE_NEUTRAL_BAND}`,
        rows: loadSemEvalHeadlines(join(dataDir, 'SemEval2017Task5Headlines.json')),
      },
      {
        name: 'FiQA 2018 posts',
        description: `Task 1 microblog posts, score mapped at ±${SCORE_NEUTRAL_BAND}`,
        rows: loadFiqaPosts(join(dataDir, 'FiQA_post.json')),
      },
    ];
    const results: SetResult[] = [];
    const evalBar = progressBar('evaluate', sets.length, out);
    for (const set of sets) {
      results.push(await evaluateSet(session, FEATURE_SPEC, set));
      evalBar.update(results.length, set.name);
    }

    const modelPath = join(modelsDir, SENTIMENT_MODEL_FILE);
    mkdirSync(dirname(modelPath), { recursive: true });
    writeFileSync(modelPath, bytes);
    const last = trained.epochs[trained.bestEpoch - 1];
    const entry: ManifestEntry = {
      name: SENTIMENT_MODEL_NAME,
      version: SENTIMENT_MODEL_VERSION,
      file: SENTIMENT_MODEL_FILE,
      sha256: sha256(bytes),
      bytes: bytes.length,
      format: { irVersion: IR_VERSION, opset: SENTIMENT_OPSET },
      inputs: SENTIMENT_INPUTS.map((t) => ({ ...t, shape: [...t.shape] })),
      outputs: SENTIMENT_OUTPUTS.map((t) => ({ ...t, shape: [...t.shape] })),
      features: { ...FEATURE_SPEC },
      classes: [...SENTIMENT_CLASSES],
      trainedAt: (options.now?.() ?? new Date()).toISOString(),
      trainingData: [
        {
          path: relative(join(modelsDir, '..'), trainPath),
          sha256: sha256File(trainPath),
          rows: train.length,
        },
      ],
      training: {
        algorithm:
          'multinomial logistic regression on hashed word n-grams, stems and lexicon features (log(1 + count), L2-normalised); lazy Adam, L2, inverse-frequency class weights',
        seed: trainOptions.seed,
        selection: 'early stopping on a stratified holdout of sent_train.csv, then a refit on all rows',
        holdoutFraction: trainOptions.holdoutFraction,
        selectionFitRows: trained.trainRows,
        selectionHoldoutRows: trained.holdoutRows,
        batchSize: trainOptions.batchSize,
        learningRate: trainOptions.learningRate,
        l2: trainOptions.l2,
        maxEpochs: trainOptions.maxEpochs,
        patience: trainOptions.patience,
        bestEpoch: trained.bestEpoch,
        selectionEpochsRun: trained.epochs.length,
        refitRows: fitted.refitRows,
        refitEpochs: fitted.refitEpochs,
      },
      metrics: {
        /** Of the early-stopped selection model on its train holdout (not of the refit model). */
        selectionHoldout: {
          macroF1: last?.holdoutMacroF1,
          accuracy: last?.holdoutAccuracy,
          logLoss: last?.holdoutLogLoss,
        },
        ...Object.fromEntries(results.map((r) => [r.name, summarise(r)])),
      },
    };
    const manifestPath = options.manifestPath ?? MANIFEST_PATH;
    writeManifestEntry(entry, manifestPath);
    await prettify(manifestPath);
    const table = markdownTable(results);
    if (options.readmePath !== undefined || options.modelsDir === undefined) {
      const readmePath = options.readmePath ?? join(modelsDir, 'README.md');
      replaceMarkedSection(readmePath, 'sentiment-eval', table);
      await prettify(readmePath);
    }
    return { entry, results, table };
  } finally {
    await session.release();
  }
}

function summarise(r: SetResult): Record<string, unknown> {
  const pick = (m: SetResult['model']): Record<string, unknown> => ({
    accuracy: round(m.accuracy),
    macroF1: round(m.macroF1),
    f1: m.perClass.map((c) => round(c.f1)),
    confusion: m.confusion,
  });
  return { n: r.n, classCounts: r.classCounts, model: pick(r.model), vader: pick(r.vader) };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** onnxruntime must compute what the TypeScript forward pass computes; a mismatch aborts the run. */
async function checkParity(
  session: ort.InferenceSession,
  model: Parameters<typeof predictProbabilities>[0],
  texts: readonly string[],
): Promise<void> {
  const fromOnnx = await runSentimentSession(session, texts, FEATURE_SPEC);
  texts.forEach((text, i) => {
    const expected = predictProbabilities(model, featurize(text, FEATURE_SPEC));
    expected.forEach((p, c) => {
      const got = fromOnnx[i]?.[c] ?? NaN;
      if (!(Math.abs(got - p) <= PARITY_TOLERANCE))
        throw new Error(`ONNX/TypeScript mismatch on text ${i} class ${c}: ${got} vs ${p}`);
    });
  });
}
