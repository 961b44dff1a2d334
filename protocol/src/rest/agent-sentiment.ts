/**
 * `GET /v1/sentiment` on the AGENT (not vibe's contract of the same path in sentiment.ts): the
 * agent's decayed view of each topic it polls (score, confidence after the health cut, effective =
 * score × confidence × decay, age, stale) and its sentiment kill switch. 503 SENTIMENT_UNAVAILABLE
 * when vibe is not configured. Scores and confidences are plain numbers, never money.
 */
import { z } from 'zod';
import { TimestampMs } from '../timestamp.js';
import { SentimentConfidence, SentimentScoreValue, SentimentTopic } from './sentiment.js';

export const AGENT_SENTIMENT_PATH = '/v1/sentiment';

export const AgentTopicSignal = z.strictObject({
  topic: SentimentTopic,
  score: SentimentScoreValue,
  /** After the low-health cut. */
  confidence: SentimentConfidence,
  /** score × confidence × 2^(−age / half-life); 0 when stale. */
  effective: SentimentScoreValue,
  ageMs: z.int().min(0),
  isStale: z.boolean(),
  isHealthCut: z.boolean(),
  nItems: z.int().min(0),
  generatedAtMs: TimestampMs,
  ttlMs: z.int().min(0),
});
export type AgentTopicSignal = z.infer<typeof AgentTopicSignal>;

export const SentimentKillSwitchView = z.discriminatedUnion('isEngaged', [
  z.strictObject({
    isEngaged: z.literal(true),
    reason: z.enum(['no_data_yet', 'unreachable', 'stale']),
    detail: z.string(),
    sinceMs: TimestampMs,
  }),
  z.strictObject({ isEngaged: z.literal(false), sinceMs: TimestampMs }),
]);
export type SentimentKillSwitchView = z.infer<typeof SentimentKillSwitchView>;

export const AgentSentimentResponse = z.strictObject({
  topics: z.array(AgentTopicSignal).max(64),
  killSwitch: SentimentKillSwitchView,
  asOfMs: TimestampMs,
});
export type AgentSentimentResponse = z.infer<typeof AgentSentimentResponse>;
