/** Aggregation: recency weighting, the three confidence factors, bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, type AggregateInput } from './aggregate.js';

const HOUR = 3_600_000;
const now = 100 * HOUR;
const healthy = () => true;
const item = (polarity: number, ageH = 0, source = 'rss:a'): AggregateInput => ({
  source,
  publishedAtMs: now - ageH * HOUR,
  polarity,
});

describe('aggregate', () => {
  it('is neutral with zero confidence without items', () => {
    expect(aggregate([], { nowMs: now, halfLifeMs: HOUR, isHealthy: healthy })).toMatchObject({
      score: 0,
      confidence: 0,
      nItems: 0,
    });
  });

  it('weighs a fresh item twice an item one half-life old', () => {
    const result = aggregate([item(1, 0), item(-1, 1)], { nowMs: now, halfLifeMs: HOUR, isHealthy: healthy });
    expect(result.score).toBeCloseTo(1 / 3, 10);
  });

  it('gains confidence with more agreeing items, loses it with disagreement and unhealthy sources', () => {
    const opts = { nowMs: now, halfLifeMs: HOUR, isHealthy: healthy };
    const few = aggregate([item(0.8), item(0.8)], opts).confidence;
    const many = aggregate(
      Array.from({ length: 20 }, () => item(0.8)),
      opts,
    ).confidence;
    const split = aggregate(
      [...Array.from({ length: 10 }, () => item(1)), ...Array.from({ length: 10 }, () => item(-1))],
      opts,
    );
    const sick = aggregate(
      Array.from({ length: 20 }, () => item(0.8)),
      { ...opts, isHealthy: () => false },
    ).confidence;
    expect(many).toBeGreaterThan(few);
    expect(split.confidence).toBeLessThan(0.01);
    expect(split.score).toBeCloseTo(0, 10);
    expect(sick).toBeLessThan(many);
  });

  it('counts items per source', () => {
    const result = aggregate([item(1, 0, 'a'), item(1, 0, 'a'), item(1, 0, 'b')], {
      nowMs: now,
      halfLifeMs: HOUR,
      isHealthy: healthy,
    });
    expect([...result.perSource]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('keeps score in [−1, 1] and confidence in [0, 1] for any input', () => {
    const arbItem = fc.record({
      source: fc.constantFrom('a', 'b', 'c'),
      publishedAtMs: fc.integer({ min: 0, max: 2 * now }),
      polarity: fc.double({ min: -1, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 50 }),
        fc.integer({ min: 1, max: 100 * HOUR }),
        (items, halfLifeMs) => {
          const result = aggregate(items, { nowMs: now, halfLifeMs, isHealthy: (s) => s !== 'c' });
          expect(result.score).toBeGreaterThanOrEqual(-1);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(result.confidence).toBeGreaterThanOrEqual(0);
          expect(result.confidence).toBeLessThanOrEqual(1);
          expect(result.nItems).toBe(items.length);
        },
      ),
    );
  });
});
