/**
 * The decay protocol (issue 9): how much a vibe aggregate may still move a decision.
 *
 *   effective = score × confidence′ × 2^(−age / half-life)
 *
 * where age = now − generated_at (never negative), confidence′ is the confidence cut by
 * `lowHealthFactor` when the share of items from healthy sources is below `minHealthyShare`, and
 * past `ttl_s` the signal is neutral (0) and marked stale. |effective| ≤ 1 always. Pure: no clock,
 * no I/O; score and confidence are plain numbers in [−1, 1] and [0, 1], never money.
 */
import type { TopicSentiment } from '@pt/protocol';

export interface DecayPolicy {
  /** Time for a score's weight to halve. */
  halfLifeMs: number;
  /** Share of counted items (or of sources, when none counted) that must come from healthy sources. */
  minHealthyShare: number;
  /** Confidence multiplier in [0, 1] applied below `minHealthyShare`. */
  lowHealthFactor: number;
}

export const DEFAULT_DECAY_POLICY: DecayPolicy = {
  halfLifeMs: 30 * 60_000,
  minHealthyShare: 0.5,
  lowHealthFactor: 0.5,
};

export interface DecayedSignal {
  topic: string;
  /** score × confidence′ × decay, in [−1, 1]; 0 when stale. */
  effective: number;
  score: number;
  /** Confidence after the health cut. */
  confidence: number;
  ageMs: number;
  isStale: boolean;
  /** True when low source health cut the confidence. */
  isHealthCut: boolean;
  healthyShare: number;
  nItems: number;
  generatedAtMs: number;
  ttlMs: number;
}

/** Share of items from healthy sources; of sources when no item is attributed; 1 with no sources. */
export function healthyShare(sources: TopicSentiment['sources']): number {
  const items = sources.reduce((sum, source) => sum + source.items, 0);
  if (items > 0) return sources.reduce((sum, s) => sum + (s.healthy ? s.items : 0), 0) / items;
  if (sources.length === 0) return 1;
  return sources.filter((source) => source.healthy).length / sources.length;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : 0;
}

export function decaySignal(topic: TopicSentiment, nowMs: number, policy: DecayPolicy): DecayedSignal {
  const ageMs = Math.max(0, nowMs - topic.generated_at);
  const ttlMs = topic.ttl_s * 1000;
  const share = healthyShare(topic.sources);
  const isHealthCut = share < policy.minHealthyShare;
  const score = clamp(topic.score, -1, 1);
  const confidence = clamp(topic.confidence * (isHealthCut ? clamp(policy.lowHealthFactor, 0, 1) : 1), 0, 1);
  const isStale = ageMs > ttlMs;
  const decay = 2 ** (-ageMs / Math.max(1, policy.halfLifeMs));
  // `+ 0` turns a −0 into 0 so "neutral" is one value.
  const effective = isStale ? 0 : clamp(score * confidence * decay, -1, 1) + 0;
  return {
    topic: topic.topic,
    effective,
    score,
    confidence,
    ageMs,
    isStale,
    isHealthCut,
    healthyShare: share,
    nItems: topic.n_items,
    generatedAtMs: topic.generated_at,
    ttlMs,
  };
}
