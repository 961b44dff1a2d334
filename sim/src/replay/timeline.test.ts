import { describe, expect, it } from 'vitest';
import { clampQuote, quoteForTrade } from './timeline.js';

describe('clampQuote', () => {
  it('keeps a normal quote', () => {
    expect(clampQuote(45, 47)).toEqual({ yesBidCents: 45, yesAskCents: 47 });
  });
  it('makes settled or locked books two-sided inside 1..99', () => {
    expect(clampQuote(0, 1)).toEqual({ yesBidCents: 1, yesAskCents: 2 });
    expect(clampQuote(99, 100)).toEqual({ yesBidCents: 98, yesAskCents: 99 });
    expect(clampQuote(50, 50)).toEqual({ yesBidCents: 50, yesAskCents: 51 });
  });
});

describe('quoteForTrade', () => {
  it('puts the ask at the price for a YES taker and the bid for a NO taker', () => {
    expect(quoteForTrade(40, 'yes')).toEqual({ yesBidCents: 39, yesAskCents: 40 });
    expect(quoteForTrade(40, 'no')).toEqual({ yesBidCents: 40, yesAskCents: 41 });
  });
  it('leaves one side empty at the edges so the print keeps its recorded price', () => {
    expect(quoteForTrade(99, 'no')).toEqual({ yesBidCents: 99, yesAskCents: 100 });
    expect(quoteForTrade(1, 'yes')).toEqual({ yesBidCents: 0, yesAskCents: 1 });
  });
});
