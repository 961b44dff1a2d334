import { describe, expect, it } from 'vitest';
import { replay } from '../core/replay.js';
import { book, clock, fill } from '../core/test-events.js';
import type { SentimentReading, StrategyEvent } from '../core/types.js';
import { HypeFadeConfig } from './config.js';
import { hypeFade } from './strategy.js';

const T = 'KXCPI-1';
const ctx = { closeTimeMs: 10 ** 13 };
const config = HypeFadeConfig.parse({ markets: [{ ticker: T, topic: 'cpi' }] });
const HYPE: SentimentReading = { effective: 0.6, confidence: 0.8, ageMs: 60_000, isStale: false };

function sentiment(
  atMs: number,
  reading: SentimentReading | null,
  isKillSwitchEngaged = false,
): StrategyEvent {
  return { type: 'sentiment', atMs, topic: 'cpi', reading, isKillSwitchEngaged };
}

/** $0.40 → $0.48 within two minutes (a spike of 800 E4). */
const SPIKE = [book(T, 1_000, 3950, 4050), book(T, 60_000, 4200, 4300), book(T, 120_000, 4750, 4850)];

describe('hype fade', () => {
  it('sells a spike the sentiment pushes, at the bid, sized by the budget', () => {
    const { decisions } = replay(hypeFade, config, T, [sentiment(500, HYPE), ...SPIKE], ctx);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.decision).toMatchObject({
      kind: 'intent',
      side: 'ask',
      priceE4: 4750,
      countE2: 1000,
      isReduceOnly: false,
      inputs: { moveE4: 800, topic: 'cpi', sentimentAgeMs: 60_000 + 119_500 },
    });
  });

  it('buys a dump pushed by negative sentiment', () => {
    const dump = [book(T, 1_000, 5950, 6050), book(T, 120_000, 5350, 5450)];
    const negative = { ...HYPE, effective: -0.5 };
    const { decisions } = replay(hypeFade, config, T, [sentiment(500, negative), ...dump], ctx);
    expect(decisions[0]?.decision).toMatchObject({ kind: 'intent', side: 'bid', priceE4: 5450 });
  });

  it('does not fade a move against the sentiment, a weak reading or a slow move', () => {
    const against = { ...HYPE, effective: -0.6 };
    expect(replay(hypeFade, config, T, [sentiment(500, against), ...SPIKE], ctx).decisions).toEqual([]);
    const weak = { ...HYPE, effective: 0.1 };
    expect(replay(hypeFade, config, T, [sentiment(500, weak), ...SPIKE], ctx).decisions).toEqual([]);
    const slow = [book(T, 1_000, 3950, 4050), book(T, 400_000, 4750, 4850)];
    expect(replay(hypeFade, config, T, [sentiment(500, HYPE), ...slow], ctx).decisions).toEqual([]);
  });

  it('refuses to open on stale, unavailable or killed sentiment, naming the reason', () => {
    const reasons = [
      [sentiment(500, { ...HYPE, isStale: true })],
      [sentiment(500, { ...HYPE, ageMs: 20 * 60_000 })],
      [sentiment(500, null)],
      [],
      [sentiment(500, HYPE, true)],
    ].map((first) => replay(hypeFade, config, T, [...first, ...SPIKE], ctx).decisions[0]?.decision);
    expect(reasons.map((d) => (d?.kind === 'not_traded' ? d.reason : d?.kind))).toEqual([
      'sentiment_stale',
      'sentiment_stale',
      'sentiment_stale',
      'sentiment_stale',
      'sentiment_kill_switch',
    ]);
  });

  it('refuses in the pre-close window', () => {
    const soon = { closeTimeMs: 120_000 + 60_000 };
    const d = replay(hypeFade, config, T, [sentiment(500, HYPE), ...SPIKE], soon).decisions[0]?.decision;
    expect(d).toMatchObject({ kind: 'not_traded', reason: 'pre_close_window' });
  });

  it('keeps exiting when the kill switch engages after entry', () => {
    const events = [
      sentiment(500, HYPE),
      ...SPIKE,
      fill(T, 121_000, 'ask', 4750, 1000),
      sentiment(122_000, null, true),
      book(T, 130_000, 4150, 4250),
    ];
    const { decisions } = replay(hypeFade, config, T, events, ctx);
    expect(decisions[1]?.decision).toMatchObject({
      kind: 'intent',
      side: 'bid',
      priceE4: 4250,
      countE2: 1000,
      isReduceOnly: true,
      inputs: { barrier: 'take_profit' },
    });
  });

  it('leaves at the time limit on a clock tick', () => {
    const events = [sentiment(500, HYPE), ...SPIKE, fill(T, 121_000, 'ask', 4750, 1000)];
    const late = 121_000 + config.maxHoldMs;
    const { decisions } = replay(hypeFade, config, T, [...events, clock(late)], ctx);
    expect(decisions[1]?.decision).toMatchObject({ isReduceOnly: true, inputs: { barrier: 'time_limit' } });
  });
});
