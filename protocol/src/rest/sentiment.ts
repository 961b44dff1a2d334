import { z } from 'zod';
import { TimestampMs } from '../timestamp.js';

/**
 * The Omni-Vibe sentiment service's contract (issue 9), consumed by the agent's sentiment client.
 * `GET /v1/sentiment?topics=cpi,fed` answers one aggregate per topic with its freshness
 * (`generated_at`, `ttl_s`) and per-source health, so a consumer can decay or refuse stale data;
 * `GET /v1/sentiment/history?topic=cpi` answers the stored aggregates for chart overlays. Every
 * request carries `Authorization: Bearer <api key>`. Field names follow the contract
 * (snake_case); times are Unix epoch milliseconds as everywhere else in the protocol.
 *
 * Scores and confidences are plain numbers, NOT money: a score is a polarity in [−1, 1]
 * (−1 all bearish, +1 all bullish) and a confidence is a weight in [0, 1]. Nothing here is ever
 * converted into a price or a count.
 */
export const SENTIMENT_PATH = '/v1/sentiment';
export const SENTIMENT_HISTORY_PATH = '/v1/sentiment/history';

/** Most topics one request may name. */
export const MAX_SENTIMENT_TOPICS = 32;
/** Most points one history answer carries. */
export const MAX_SENTIMENT_HISTORY_POINTS = 1_000;

/** A topic id: lower case, digits, `-` and `.` (`cpi`, `fed`, `payrolls`, `nba.nyk`, `weather.nyc`). */
export const SentimentTopic = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'expected a topic id: a-z, 0-9, "-" or ".", at most 64 characters');
export type SentimentTopic = z.infer<typeof SentimentTopic>;

/** A polarity in [−1, 1] (a plain number, not money). */
export const SentimentScoreValue = z.number().min(-1).max(1);
/** A weight in [0, 1] (a plain number, not money). */
export const SentimentConfidence = z.number().min(0).max(1);

/** `?topics=cpi,fed`: a comma-separated list, each a topic id, no repeats. */
export const SentimentQuery = z.strictObject({
  topics: z
    .string()
    .transform((text) => text.split(',').map((topic) => topic.trim()))
    .pipe(
      z
        .array(SentimentTopic)
        .min(1)
        .max(MAX_SENTIMENT_TOPICS)
        .refine((topics) => new Set(topics).size === topics.length, 'a topic is named twice'),
    ),
});
export type SentimentQuery = z.infer<typeof SentimentQuery>;

/** One collector's health as the aggregate saw it. */
export const SentimentSource = z.strictObject({
  /** Collector name (`rss:cnbc`, `reddit:economics`, `discord:123…`). */
  name: z.string().min(1).max(128),
  /** False after repeated failures or when it has not succeeded within its expected interval. */
  healthy: z.boolean(),
  /** Last successful poll (epoch ms), null if it never succeeded. */
  last_success_at: TimestampMs.nullable(),
  /** Items from this source counted in the aggregate. */
  items: z.int().min(0),
});
export type SentimentSource = z.infer<typeof SentimentSource>;

export const TopicSentiment = z.strictObject({
  topic: SentimentTopic,
  /** Recency-weighted mean polarity in [−1, 1]; 0 when `n_items` is 0. */
  score: SentimentScoreValue,
  /** [0, 1] from sample size, agreement between items and source health; 0 when `n_items` is 0. */
  confidence: SentimentConfidence,
  /** Items inside the aggregation window. */
  n_items: z.int().min(0),
  sources: z.array(SentimentSource).max(256),
  /** When the aggregate was computed (epoch ms). Without it a consumer treats the topic as unavailable. */
  generated_at: TimestampMs,
  /** Seconds after `generated_at` the aggregate may be used; past it the consumer treats it as neutral. */
  ttl_s: z.int().min(1).max(86_400),
});
export type TopicSentiment = z.infer<typeof TopicSentiment>;

export const SentimentResponse = z.strictObject({
  /** One entry per requested topic, in the order asked. */
  topics: z.array(TopicSentiment).max(MAX_SENTIMENT_TOPICS),
});
export type SentimentResponse = z.infer<typeof SentimentResponse>;

/** `?topic=cpi&from=…&to=…&limit=…`: one topic, an optional time window (epoch ms), newest last. */
export const SentimentHistoryQuery = z
  .strictObject({
    topic: SentimentTopic,
    from: z.coerce.number().pipe(TimestampMs).optional(),
    to: z.coerce.number().pipe(TimestampMs).optional(),
    limit: z.coerce.number().pipe(z.int().min(1).max(MAX_SENTIMENT_HISTORY_POINTS)).optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    path: ['from'],
    message: 'from must not be after to',
  });
export type SentimentHistoryQuery = z.infer<typeof SentimentHistoryQuery>;

/** One stored aggregate: what the chart overlay draws. */
export const SentimentHistoryPoint = z.strictObject({
  generated_at: TimestampMs,
  score: SentimentScoreValue,
  confidence: SentimentConfidence,
  n_items: z.int().min(0),
});
export type SentimentHistoryPoint = z.infer<typeof SentimentHistoryPoint>;

export const SentimentHistoryResponse = z.strictObject({
  topic: SentimentTopic,
  /** Oldest first; at most `limit` (the newest ones when the window holds more). */
  points: z.array(SentimentHistoryPoint).max(MAX_SENTIMENT_HISTORY_POINTS),
  generated_at: TimestampMs,
  ttl_s: z.int().min(1).max(86_400),
});
export type SentimentHistoryResponse = z.infer<typeof SentimentHistoryResponse>;
