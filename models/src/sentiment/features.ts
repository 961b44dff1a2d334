/**
 * Feature hashing for the sentiment classifier: word unigrams and bigrams, a crude stem of each
 * word, lexicon features (VADER valence and finance direction words, negation-aware) and the
 * direction of an "A vs B" number comparison (character n-grams are implemented but off in
 * FEATURE_SPEC: they scored lower on the train holdout), hashed (FNV-1a + murmur finalizer) into
 * FEATURE_SPEC.buckets buckets.
 * The output is sparse — sorted bucket ids with their counts — which is exactly what the ONNX
 * graph consumes (Gather on the ids, counts as weights). Training and vibe run this same code.
 */
import { FINANCE_WORDS_VERSION } from './finance-words.js';
import { financeFeatures, vaderFeatures } from './lexicon-features.js';
import { numberComparisonFeatures } from './number-comparison.js';
import { stemOf } from './stem.js';
import { TOKENIZER_VERSION, tokenize } from './tokenize.js';

export { stemOf };
export type Lexicon = 'vader' | 'finance';

export interface FeatureSpec {
  readonly tokenizer: 'pt-sentiment-words';
  readonly tokenizerVersion: number;
  readonly hash: 'fnv1a32-fmix32';
  readonly buckets: number;
  readonly wordNgrams: readonly number[];
  readonly charNgrams: readonly number[];
  /** Also emit a crude suffix-stripped stem of each word (`lowered` → `lower`). */
  readonly stems: boolean;
  /** Pooled lexicon features (lexicon-features.ts); `finance` is versioned by financeWordsVersion. */
  readonly lexicons: readonly Lexicon[];
  readonly financeWordsVersion: number;
  /** Emit `cmp:gt` / `cmp:lt` for an "A vs B" number comparison (number-comparison.ts). */
  readonly numberComparisons: boolean;
}

export const FEATURE_SPEC: FeatureSpec = {
  tokenizer: 'pt-sentiment-words',
  tokenizerVersion: TOKENIZER_VERSION,
  hash: 'fnv1a32-fmix32',
  buckets: 1 << 18,
  wordNgrams: [1, 2],
  charNgrams: [],
  stems: true,
  lexicons: ['vader', 'finance'],
  financeWordsVersion: FINANCE_WORDS_VERSION,
  numberComparisons: true,
};

export interface SparseFeatures {
  /** Distinct bucket ids, ascending. */
  readonly ids: readonly number[];
  /** Occurrence count of each id (same length as ids). */
  readonly counts: readonly number[];
}

export function hashFeature(feature: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % buckets;
}

/** The feature strings of one text, before hashing (exported for tests and inspection). */
export function featureStrings(text: string, spec: FeatureSpec = FEATURE_SPEC): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (const n of spec.wordNgrams) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(`w${n}:${tokens.slice(i, i + n).join(' ')}`);
  }
  if (spec.stems) {
    for (const token of tokens) {
      const stem = stemOf(token);
      if (stem !== token) out.push(`s:${stem}`);
    }
  }
  if (spec.lexicons.includes('vader')) out.push(...vaderFeatures(tokens));
  if (spec.lexicons.includes('finance')) out.push(...financeFeatures(tokens));
  if (spec.numberComparisons) out.push(...numberComparisonFeatures(text));
  if (spec.charNgrams.length > 0) {
    for (const token of tokens) {
      if (token.startsWith('<')) continue;
      const padded = `<${token}>`;
      for (const n of spec.charNgrams) {
        for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
      }
    }
  }
  return out;
}

export function featurize(text: string, spec: FeatureSpec = FEATURE_SPEC): SparseFeatures {
  const counts = new Map<number, number>();
  for (const feature of featureStrings(text, spec)) {
    const id = hashFeature(feature, spec.buckets);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = [...counts.keys()].sort((a, b) => a - b);
  return { ids, counts: ids.map((id) => counts.get(id) ?? 0) };
}
