/**
 * The VADER baseline behind the same seam: labels from the compound score (±0.05, the rule the
 * evaluation in models/ uses), probabilities from VADER's neg/neu/pos proportions.
 */
import { classFromCompound, vaderScores } from '@pt/models/sentiment';
import { SENTIMENT_LABELS, type Scorer, type SentimentScore } from './types.js';

export class VaderScorer implements Scorer {
  readonly modelId = 'vader-sentiment@1.1.3';

  score(texts: readonly string[]): Promise<SentimentScore[]> {
    return Promise.resolve(
      texts.map((text) => {
        const s = vaderScores(text);
        const total = s.neg + s.neu + s.pos;
        const probabilities: [number, number, number] =
          total > 0 ? [s.neg / total, s.neu / total, s.pos / total] : [0, 1, 0];
        return {
          label: SENTIMENT_LABELS[classFromCompound(s.compound)],
          probabilities,
          polarity: probabilities[2] - probabilities[0],
        };
      }),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
