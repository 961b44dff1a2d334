/** Lexicon features: signs and valences from VADER, finance direction words, negation scope. */
import { describe, expect, it } from 'vitest';
import { FINANCE_DIRECTION } from './finance-words.js';
import { financeFeatures, isNegator, vaderFeatures, vaderValence } from './lexicon-features.js';
import { tokenize } from './tokenize.js';

describe('vaderFeatures', () => {
  it('gives each lexicon word its sign and rounded valence, and nothing for other words', () => {
    expect(vaderValence('good')).toBe(1.9);
    expect(vaderFeatures(tokenize('good results, bad guidance for the quarter'))).toEqual([
      'L:p',
      'L:2',
      'L:n',
      'L:-2',
    ]);
    expect(vaderFeatures(tokenize('quarterly revenue guidance'))).toEqual([]);
  });

  it('looks words up by their stem too, and never reads the prototype of the lexicon', () => {
    expect(vaderValence('weakenings')).toBe(-1.8); // only `weaken` is in the lexicon
    expect(vaderValence('constructor')).toBeUndefined();
    expect(vaderFeatures(['constructor', 'tostring', 'hasownproperty'])).toEqual([]);
  });

  it('flips the sign after a negator within three tokens, not further', () => {
    expect(vaderFeatures(tokenize('not good'))).toEqual(['L:n', 'L:-2']);
    expect(vaderFeatures(tokenize("doesn't look good"))).toEqual(['L:n', 'L:-2']);
    expect(vaderFeatures(tokenize('not that it was good'))).toEqual(['L:p', 'L:2']);
  });
});

describe('financeFeatures', () => {
  it('maps market direction words to F:up / F:down, negation-aware', () => {
    expect(financeFeatures(tokenize('Nasdaq retreats as Apple misses; Tesla tops estimates'))).toEqual([
      'F:down',
      'F:down',
      'F:up',
    ]);
    expect(financeFeatures(tokenize("Shares didn't fall"))).toEqual(['F:up']);
    expect(financeFeatures(tokenize('Company reports quarterly results'))).toEqual([]);
  });

  it('lists every word once with one direction', () => {
    expect(FINANCE_DIRECTION.get('plunges')).toBe(-1);
    expect(FINANCE_DIRECTION.get('upgraded')).toBe(1);
    for (const [word, direction] of FINANCE_DIRECTION) {
      expect(word).toMatch(/^[a-z]+$/);
      expect([1, -1]).toContain(direction);
    }
  });

  it('knows the negators', () => {
    expect(['not', 'never', "isn't", "won't", 'without'].every(isNegator)).toBe(true);
    expect(['note', 'nothing', 'now'].some(isNegator)).toBe(false);
  });
});
