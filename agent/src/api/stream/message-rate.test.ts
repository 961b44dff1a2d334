import { describe, expect, it } from 'vitest';
import { MessageRate } from './message-rate.js';

describe('MessageRate', () => {
  it('accepts a burst of perSecond, refuses the next, refills with time', () => {
    let now = 1_000;
    const rate = new MessageRate(5, () => now);
    const verdicts = Array.from({ length: 7 }, () => rate.take());
    expect(verdicts).toEqual(['accept', 'accept', 'accept', 'accept', 'accept', 'refuse-first', 'refuse']);
    now += 200; // one token back
    expect(rate.take()).toBe('accept');
    expect(rate.take()).toBe('refuse-first');
  });

  it('calls it abuse after more than a second worth of refusals in a row', () => {
    const rate = new MessageRate(3, () => 0);
    for (let i = 0; i < 3; i += 1) expect(rate.take()).toBe('accept');
    expect([rate.take(), rate.take(), rate.take()]).toEqual(['refuse-first', 'refuse', 'refuse']);
    expect(rate.take()).toBe('abuse');
  });
});
