/**
 * Loaders for the recorded sentiment sets in ../shared/data/sentiment (see its PROVENANCE.md),
 * each validated with zod and mapped to SENTIMENT_CLASSES indices:
 * - sent_train.csv / sent_valid.csv (Twitter financial news): 0 Bearish, 1 Bullish, 2 Neutral;
 * - SemEval-2017 Task 5 headlines and FiQA 2018 posts: a score in [−1, 1] mapped by
 *   SCORE_NEUTRAL_BAND (score ≤ −band → bearish, ≥ +band → bullish, else neutral).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCsv } from '../lib/csv.js';
import type { ClassIndex, LabelledText } from './labels.js';

/** `<repo>/../shared/data/sentiment` (this file is models/src/sentiment/data.ts). */
export const DEFAULT_SENTIMENT_DIR = fileURLToPath(
  new URL('../../../../shared/data/sentiment/', import.meta.url),
);

/** Neutral band for the score-labelled sets; the same ±0.05 as the VADER compound thresholds. */
export const SCORE_NEUTRAL_BAND = 0.05;

/** Dataset label → class index (PROVENANCE.md: LABEL_0 Bearish, LABEL_1 Bullish, LABEL_2 Neutral). */
const TWITTER_LABELS: Record<string, ClassIndex> = { '0': 0, '1': 2, '2': 1 };

const TwitterRow = z.tuple([z.string().min(1), z.enum(['0', '1', '2'])]);

export function loadTwitterCsv(path: string): LabelledText[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift();
  if (header?.join(',') !== 'text,label') throw new Error(`${path}: header must be "text,label"`);
  return rows.map((row, i) => {
    const parsed = TwitterRow.safeParse(row);
    if (!parsed.success) throw new Error(`${path} record ${i + 1}: ${z.prettifyError(parsed.error)}`);
    const [text, label] = parsed.data;
    return { text, label: TWITTER_LABELS[label] as ClassIndex };
  });
}

export function classFromScore(score: number, band = SCORE_NEUTRAL_BAND): ClassIndex {
  if (score <= -band) return 0;
  if (score >= band) return 2;
  return 1;
}

const Headline = z.object({ id: z.number(), title: z.string().min(1), sentiment: z.number().min(-1).max(1) });

export function loadSemEvalHeadlines(path: string): LabelledText[] {
  const parsed = z.array(Headline).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.map((h) => ({ text: h.title, label: classFromScore(h.sentiment) }));
}

const FiqaPost = z.object({
  sentence: z.string().min(1),
  info: z
    .array(z.object({ sentiment_score: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number') }))
    .length(1),
});

export function loadFiqaPosts(path: string): LabelledText[] {
  const parsed = z.record(z.string(), FiqaPost).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return Object.values(parsed.data).map((p) => ({
    text: p.sentence,
    label: classFromScore(Number(p.info[0]?.sentiment_score)),
  }));
}
