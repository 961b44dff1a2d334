/**
 * The two training phases of the shipped model: (1) select the epoch count by early stopping on a
 * seeded holdout of sent_train.csv, (2) refit on ALL of sent_train.csv for that many epochs (same
 * seed, no holdout). Neither phase sees the validation set.
 */
import { progressBar } from '../lib/progress.js';
import type { LabelledText } from './labels.js';
import type { LinearWeights } from './linear-model.js';
import { trainSentiment, type TrainOptions, type TrainResult } from './train.js';

export interface FitResult {
  readonly model: LinearWeights;
  /** The early-stopping run (its holdout metrics describe the chosen epoch). */
  readonly selection: TrainResult;
  readonly refitEpochs: number;
  readonly refitRows: number;
}

export function fitSentiment(
  rows: readonly LabelledText[],
  options: TrainOptions,
  out: NodeJS.WriteStream | null,
): FitResult {
  const bar = progressBar('select epochs', options.maxEpochs, out);
  const selection = trainSentiment(rows, {
    ...options,
    onEpoch: (epoch, r) =>
      bar.update(
        epoch,
        `holdout macro-F1 ${r.holdoutMacroF1.toFixed(4)} log-loss ${r.holdoutLogLoss.toFixed(4)}`,
      ),
  });
  bar.finish(`best epoch ${selection.bestEpoch} of ${selection.epochs.length}`, selection.epochs.length);

  const refitBar = progressBar('refit on all rows', selection.bestEpoch, out);
  const refit = trainSentiment(rows, {
    ...options,
    holdoutFraction: 0,
    maxEpochs: selection.bestEpoch,
    onEpoch: (epoch, r) => refitBar.update(epoch, `train loss ${r.trainLoss.toFixed(4)}`),
  });
  refitBar.finish();
  return { model: refit.model, selection, refitEpochs: selection.bestEpoch, refitRows: refit.trainRows };
}
