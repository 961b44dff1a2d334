/**
 * Stratified k-fold cross-validation of the sentiment training recipe ON sent_train.csv only (the
 * validation set is never read): each fold runs fitSentiment (epoch selection on a holdout of the
 * fold's train part, then a refit on all of it) and scores macro-F1 on the fold's test part.
 * `node --import tsx models/src/sentiment/cross-validate.ts '<json TrainOptions overrides>' [k] [seed]`
 */
import { join } from 'node:path';
import { Prng } from '../lib/prng.js';
import { DEFAULT_SENTIMENT_DIR, loadTwitterCsv } from './data.js';
import { FEATURE_SPEC, featurize } from './features.js';
import { CLASS_COUNT, type LabelledText } from './labels.js';
import { predictProbabilities } from './linear-model.js';
import { argmax, classificationMetrics } from './metrics.js';
import { fitSentiment } from './fit.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './train.js';

/** k disjoint stratified folds; the same seed gives the same folds. */
export function stratifiedFolds(rows: readonly LabelledText[], k: number, seed: number): LabelledText[][] {
  const rng = new Prng(seed);
  const folds: LabelledText[][] = Array.from({ length: k }, () => []);
  for (let c = 0; c < CLASS_COUNT; c++) {
    rng.shuffle(rows.filter((r) => r.label === c)).forEach((r, i) => folds[i % k]?.push(r));
  }
  return folds;
}

export function crossValidate(
  rows: readonly LabelledText[],
  options: TrainOptions,
  k: number,
  seed: number,
): number[] {
  const folds = stratifiedFolds(rows, k, seed);
  return folds.map((test, f) => {
    const train = folds.filter((_, g) => g !== f).flat();
    const { model } = fitSentiment(train, options, null);
    const predicted = test.map((r) => argmax(predictProbabilities(model, featurize(r.text, options.spec))));
    return classificationMetrics(
      test.map((r) => r.label),
      predicted,
    ).macroF1;
  });
}

const isMain = process.argv[1]?.endsWith('cross-validate.ts') === true;
if (isMain) {
  const overrides = JSON.parse(process.argv[2] ?? '{}') as Partial<TrainOptions>;
  const k = Number(process.argv[3] ?? 5);
  const seed = Number(process.argv[4] ?? 1);
  const rows = loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_train.csv'));
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, spec: FEATURE_SPEC, ...overrides };
  const scores = crossValidate(rows, options, k, seed);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
  process.stdout.write(
    `${JSON.stringify({ overrides, k, seed, folds: scores.map((s) => +s.toFixed(4)), mean: +mean.toFixed(4), sd: +sd.toFixed(4) })}\n`,
  );
}
