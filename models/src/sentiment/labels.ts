/**
 * The classifier's classes, in output order. vibe's scorer seam (`SENTIMENT_LABELS`) uses the same
 * order; its test checks that they agree.
 */
export const SENTIMENT_CLASSES = ['bearish', 'neutral', 'bullish'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];
/** Class index in SENTIMENT_CLASSES order: 0 bearish, 1 neutral, 2 bullish. */
export type ClassIndex = 0 | 1 | 2;
export const CLASS_COUNT = 3;

export interface LabelledText {
  readonly text: string;
  readonly label: ClassIndex;
}
