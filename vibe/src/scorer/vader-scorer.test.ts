/** The VADER baseline behind the scorer seam: compound ±0.05 labels, neg/neu/pos as probabilities. */
import { classFromCompound, vaderScores } from '@pt/models/sentiment';
import { describe, expect, it } from 'vitest';
import { VaderScorer } from './vader-scorer.js';

describe('VaderScorer', () => {
  const scorer = new VaderScorer();

  it('labels clearly positive, negative and neutral sentences', async () => {
    const [good, bad, plain] = await scorer.score([
      'Great quarter: record profits and a wonderful outlook',
      'Terrible losses, fraud charges and a horrible crash',
      'The company will report earnings on Tuesday',
    ]);
    expect([good?.label, bad?.label, plain?.label]).toEqual(['bullish', 'bearish', 'neutral']);
    expect(good?.polarity).toBeGreaterThan(0);
    expect(bad?.polarity).toBeLessThan(0);
    expect(plain?.probabilities).toEqual([0, 1, 0]);
  });

  it('follows the compound thresholds and returns distributions that sum to 1', async () => {
    const texts = ['not bad at all', 'meh', 'stocks slump', 'beat estimates', ''];
    const scores = await scorer.score(texts);
    scores.forEach((s, i) => {
      const compound = vaderScores(texts[i] ?? '').compound;
      expect(s.label).toBe(['bearish', 'neutral', 'bullish'][classFromCompound(compound)]);
      expect(s.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(s.polarity).toBeCloseTo(s.probabilities[2] - s.probabilities[0], 12);
    });
    expect(scorer.modelId).toBe('vader-sentiment@1.1.3');
  });
});
