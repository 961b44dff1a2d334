/** Decay protocol properties (fast-check): monotone non-increasing in age, bounded, neutral after ttl. */
import fc from 'fast-check';
import type { TopicSentiment } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { decaySignal, healthyShare, type DecayPolicy } from './decay.js';

const arbSource = fc.record({
  name: fc.constantFrom('rss:a', 'rss:b', 'reddit:c'),
  healthy: fc.boolean(),
  last_success_at: fc.option(fc.integer({ min: 0, max: 2e12 }), { nil: null }),
  items: fc.integer({ min: 0, max: 50 }),
});

const arbTopic: fc.Arbitrary<TopicSentiment> = fc.record({
  topic: fc.constantFrom('cpi', 'fed', 'nba.nyk'),
  score: fc.double({ min: -1, max: 1, noNaN: true }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  n_items: fc.integer({ min: 0, max: 500 }),
  sources: fc.array(arbSource, { maxLength: 5 }),
  generated_at: fc.integer({ min: 1e12, max: 2e12 }),
  ttl_s: fc.integer({ min: 1, max: 86_400 }),
});

const arbPolicy: fc.Arbitrary<DecayPolicy> = fc.record({
  halfLifeMs: fc.integer({ min: 1, max: 86_400_000 }),
  minHealthyShare: fc.double({ min: 0, max: 1, noNaN: true }),
  lowHealthFactor: fc.double({ min: 0, max: 1, noNaN: true }),
});

const arbAge = fc.integer({ min: -60_000, max: 10 * 86_400_000 });

describe('decaySignal properties', () => {
  it('|effective| never grows with age', () => {
    fc.assert(
      fc.property(arbTopic, arbPolicy, arbAge, arbAge, (topic, policy, a, b) => {
        const [younger, older] = a <= b ? [a, b] : [b, a];
        const early = decaySignal(topic, topic.generated_at + younger, policy);
        const late = decaySignal(topic, topic.generated_at + older, policy);
        expect(Math.abs(late.effective)).toBeLessThanOrEqual(Math.abs(early.effective));
        // and it never changes sign
        expect(late.effective * early.effective).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is bounded by |score × confidence| ≤ 1', () => {
    fc.assert(
      fc.property(arbTopic, arbPolicy, arbAge, (topic, policy, age) => {
        const signal = decaySignal(topic, topic.generated_at + age, policy);
        expect(Math.abs(signal.effective)).toBeLessThanOrEqual(
          Math.abs(topic.score * topic.confidence) + 1e-12,
        );
        expect(Math.abs(signal.effective)).toBeLessThanOrEqual(1);
        expect(signal.confidence).toBeGreaterThanOrEqual(0);
        expect(signal.confidence).toBeLessThanOrEqual(topic.confidence);
      }),
    );
  });

  it('is neutral (exactly 0) and stale after ttl, never stale within it', () => {
    fc.assert(
      fc.property(
        arbTopic,
        arbPolicy,
        fc.integer({ min: 1, max: 10 * 86_400_000 }),
        (topic, policy, past) => {
          const after = decaySignal(topic, topic.generated_at + topic.ttl_s * 1000 + past, policy);
          expect(after.isStale).toBe(true);
          expect(Object.is(after.effective, 0)).toBe(true);
          const within = decaySignal(topic, topic.generated_at + topic.ttl_s * 1000, policy);
          expect(within.isStale).toBe(false);
        },
      ),
    );
  });

  it('cuts confidence exactly when the healthy share is below the threshold', () => {
    fc.assert(
      fc.property(arbTopic, arbPolicy, (topic, policy) => {
        const signal = decaySignal(topic, topic.generated_at, policy);
        const isLow = healthyShare(topic.sources) < policy.minHealthyShare;
        expect(signal.isHealthCut).toBe(isLow);
        expect(signal.confidence).toBeCloseTo(topic.confidence * (isLow ? policy.lowHealthFactor : 1), 12);
      }),
    );
  });
});

describe('decaySignal examples', () => {
  const topic: TopicSentiment = {
    topic: 'cpi',
    score: -0.8,
    confidence: 0.5,
    n_items: 10,
    sources: [{ name: 'rss:a', healthy: true, last_success_at: 1, items: 10 }],
    generated_at: 1_000_000,
    ttl_s: 600,
  };
  const policy = { halfLifeMs: 60_000, minHealthyShare: 0.5, lowHealthFactor: 0.5 };

  it('halves per half-life', () => {
    expect(decaySignal(topic, 1_000_000, policy).effective).toBeCloseTo(-0.4, 12);
    expect(decaySignal(topic, 1_060_000, policy).effective).toBeCloseTo(-0.2, 12);
    expect(decaySignal(topic, 1_120_000, policy).effective).toBeCloseTo(-0.1, 12);
  });

  it('halves the confidence when most items come from unhealthy sources', () => {
    const sick = {
      ...topic,
      sources: [
        { name: 'rss:a', healthy: true, last_success_at: 1, items: 2 },
        { name: 'rss:b', healthy: false, last_success_at: null, items: 8 },
      ],
    };
    const signal = decaySignal(sick, 1_000_000, policy);
    expect(signal).toMatchObject({ isHealthCut: true, healthyShare: 0.2, confidence: 0.25 });
    expect(signal.effective).toBeCloseTo(-0.2, 12);
  });
});
