/** Tokenization and hashing: what the classifier sees, stable across runs and platforms. */
import { describe, expect, it } from 'vitest';
import { FEATURE_SPEC, featureStrings, featurize, hashFeature, stemOf } from './features.js';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('lowercases, drops URLs, and maps cashtags and numbers to placeholders', () => {
    expect(tokenize('$BYND - JPMorgan reels in expectations on Beyond Meat https://t.co/bd0xbFGjkT')).toEqual(
      ['<cashtag>', 'jpmorgan', 'reels', 'in', 'expectations', 'on', 'beyond', 'meat'],
    );
    expect(tokenize("Stocks fall -2.5%, oil +3% and Apple's 10 new iPhones!")).toEqual([
      'stocks',
      'fall',
      '<num-%>',
      'oil',
      '<num+%>',
      'and',
      "apple's",
      '<num>',
      'new',
      'iphones',
      '!',
    ]);
    expect(tokenize('Don’t  SELL')).toEqual(["don't", 'sell']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('featurize', () => {
  it('emits unigrams, bigrams, stems, lexicon and comparison features as the spec says', () => {
    expect(featureStrings('Shares surge today')).toEqual([
      'w1:shares',
      'w1:surge',
      'w1:today',
      'w2:shares surge',
      'w2:surge today',
      's:share',
      'L:p',
      'L:1',
      'F:up',
    ]);
    expect(featureStrings('EPS 0.9 vs 0.7').slice(-1)).toEqual(['cmp:gt']);
    const bare = { ...FEATURE_SPEC, lexicons: [], numberComparisons: false, stems: false, wordNgrams: [1] };
    expect(featureStrings('Shares surge: EPS 0.9 vs 0.7', bare)).toEqual([
      'w1:shares',
      'w1:surge',
      'w1:eps',
      'w1:<num>',
      'w1:vs',
      'w1:<num>',
    ]);
  });

  it('stems crudely and only words of 4+ letters', () => {
    expect(['cuts', 'lowered', 'lower', 'raising', 'sharply', 'was', '<cashtag>'].map(stemOf)).toEqual([
      'cut',
      'lower',
      'lower',
      'rais',
      'sharp',
      'was',
      '<cashtag>',
    ]);
  });

  it('hashes into the bucket range with counts for repeats, ids ascending', () => {
    const f = featurize('up up up and away');
    expect(f.ids.length).toBe(f.counts.length);
    expect([...f.ids].sort((a, b) => a - b)).toEqual(f.ids);
    expect(new Set(f.ids).size).toBe(f.ids.length);
    for (const id of f.ids) expect(id >= 0 && id < FEATURE_SPEC.buckets).toBe(true);
    expect(f.counts.reduce((a, b) => a + b, 0)).toBe(featureStrings('up up up and away').length);
    expect(f.counts).toContain(3);
  });

  it('keeps the hash stable (a change here must bump the tokenizer/feature version)', () => {
    // Pinned when FEATURE_SPEC v1 was trained: a different value means the hashing changed.
    expect(['w1:up', 'w2:beats estimates', 'w1:<cashtag>'].map((s) => hashFeature(s, 1 << 18))).toEqual([
      20799, 176979, 191281,
    ]);
    expect(featurize('Beats estimates')).toEqual(featurize('beats   ESTIMATES'));
  });
});
