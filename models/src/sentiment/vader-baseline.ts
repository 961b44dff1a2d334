/**
 * The VADER baseline (npm `vader-sentiment`): a lexicon and rules, no training. The label comes
 * from the compound score with the usual ±0.05 thresholds (Hutto & Gilbert): compound ≥ 0.05
 * bullish, ≤ −0.05 bearish, otherwise neutral. Used by the evaluation and by vibe's VaderScorer.
 */
import { createRequire } from 'node:module';
import type { ClassIndex } from './labels.js';

export const VADER_COMPOUND_THRESHOLD = 0.05;

export interface PolarityScores {
  readonly neg: number;
  readonly neu: number;
  readonly pos: number;
  readonly compound: number;
}

// vader-sentiment ships CommonJS without types; this is the one function we call.
const vader = createRequire(import.meta.url)('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
};

export function vaderScores(text: string): PolarityScores {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text);
}

export function classFromCompound(compound: number, threshold = VADER_COMPOUND_THRESHOLD): ClassIndex {
  if (compound >= threshold) return 2;
  if (compound <= -threshold) return 0;
  return 1;
}

export function vaderClass(text: string): ClassIndex {
  return classFromCompound(vaderScores(text).compound);
}
