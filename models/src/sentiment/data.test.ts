/** The real sentiment sets load with the counts PROVENANCE.md documents. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SENTIMENT_DIR,
  classFromScore,
  loadFiqaPosts,
  loadSemEvalHeadlines,
  loadTwitterCsv,
} from './data.js';
import type { LabelledText } from './labels.js';

const counts = (rows: readonly LabelledText[]): number[] =>
  [0, 1, 2].map((c) => rows.filter((r) => r.label === c).length);

describe('sentiment data', () => {
  it('reads sent_train.csv and sent_valid.csv (bearish/neutral/bullish as documented)', () => {
    const train = loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_train.csv'));
    expect(train).toHaveLength(9543);
    expect(counts(train)).toEqual([1442, 6178, 1923]);
    expect(train[0]).toEqual({
      text: '$BYND - JPMorgan reels in expectations on Beyond Meat https://t.co/bd0xbFGjkT',
      label: 0,
    });
    expect(counts(loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_valid.csv')))).toEqual([347, 1566, 475]);
  });

  it('maps SemEval headlines and FiQA posts by score with a ±0.05 neutral band', () => {
    expect([classFromScore(-0.05), classFromScore(-0.049), classFromScore(0), classFromScore(0.05)]).toEqual([
      0, 1, 1, 2,
    ]);
    const headlines = loadSemEvalHeadlines(join(DEFAULT_SENTIMENT_DIR, 'SemEval2017Task5Headlines.json'));
    expect(headlines).toHaveLength(1142);
    expect(headlines[0]).toEqual({
      text: 'Morrisons book second consecutive quarter of sales growth',
      label: 2,
    });
    const fiqa = loadFiqaPosts(join(DEFAULT_SENTIMENT_DIR, 'FiQA_post.json'));
    expect(fiqa).toHaveLength(675);
    expect(counts(fiqa).reduce((a, b) => a + b, 0)).toBe(675);
  });
});
