/**
 * Store rows → the wire (`TopicSentiment`, history). Rows never go to the wire as they are: each
 * answer is built here and parsed with the protocol schema before it leaves.
 */
import {
  SentimentHistoryResponse,
  SentimentSource,
  TopicSentiment,
  type SentimentHistoryQuery,
} from '@pt/protocol';
import { z } from 'zod';
import type { VibeStore } from '../store/vibe-store.js';

const Sources = z.array(SentimentSource);

export class SentimentReader {
  constructor(
    private readonly store: VibeStore,
    private readonly ttlS: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The latest aggregate of a topic, or null before the first one was computed. */
  topic(topic: string): TopicSentiment | null {
    const row = this.store.latestAggregate(topic);
    if (row === null) return null;
    return TopicSentiment.parse({
      topic,
      score: row.score,
      confidence: row.confidence,
      n_items: row.nItems,
      sources: Sources.parse(JSON.parse(row.sourcesJson)),
      generated_at: row.generatedAtMs,
      ttl_s: this.ttlS,
    });
  }

  history(query: SentimentHistoryQuery): SentimentHistoryResponse {
    const now = this.nowMs();
    const points = this.store.history(query.topic, query.from ?? 0, query.to ?? now, query.limit ?? 500);
    return SentimentHistoryResponse.parse({
      topic: query.topic,
      points,
      generated_at: now,
      ttl_s: this.ttlS,
    });
  }
}
