/**
 * The scorer seam: text in, a bearish / neutral / bullish distribution out. The production scorer
 * runs the ONNX sentiment classifier trained in `models/` (onnxruntime-node); the VADER baseline
 * implements the same interface for the side-by-side evaluation.
 */
export const SENTIMENT_LABELS = ['bearish', 'neutral', 'bullish'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface SentimentScore {
  readonly label: SentimentLabel;
  /** Probabilities in SENTIMENT_LABELS order; they sum to 1 (± float rounding). */
  readonly probabilities: readonly [number, number, number];
  /** P(bullish) − P(bearish), in [−1, 1]: what aggregation averages. */
  readonly polarity: number;
}

export interface Scorer {
  /** Name and version recorded with every aggregate (e.g. `sentiment-hash-logreg@1.0.0`). */
  readonly modelId: string;
  score(texts: readonly string[]): Promise<SentimentScore[]>;
  close(): Promise<void>;
}
