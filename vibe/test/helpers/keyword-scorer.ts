/**
 * TEST ONLY: a tiny deterministic Scorer (counts a few bullish and bearish words) so pipeline and
 * API tests do not depend on the trained model. Never a production default: the service loads
 * its scorer through `src/create-scorer.ts`.
 */
import type { Scorer, SentimentScore } from '../../src/scorer/types.js';

const BULLISH =
  /\b(surge|surges|rise|rises|gain|gains|beat|beats|strong|rally|rallies|bullish|up|record)\b/gi;
const BEARISH =
  /\b(fall|fell|falls|drop|drops|weak|loss|losses|slide|slides|worries|bearish|down|dilemma|turmoil)\b/gi;

export class KeywordScorer implements Scorer {
  readonly modelId = 'test-keywords@0';
  calls = 0;

  score(texts: readonly string[]): Promise<SentimentScore[]> {
    this.calls += 1;
    return Promise.resolve(texts.map(scoreOne));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function scoreOne(text: string): SentimentScore {
  const up = text.match(BULLISH)?.length ?? 0;
  const down = text.match(BEARISH)?.length ?? 0;
  if (up === down) return { label: 'neutral', probabilities: [0.1, 0.8, 0.1], polarity: 0 };
  const bull = up / (up + down);
  const probabilities: [number, number, number] = [(1 - bull) * 0.9, 0.1, bull * 0.9];
  return {
    label: bull > 0.5 ? 'bullish' : 'bearish',
    probabilities,
    polarity: probabilities[2] - probabilities[0],
  };
}
