/**
 * Lexicon features: words a bag of words sees too rarely to learn one by one are pooled into a few
 * shared features. VADER's general lexicon (npm `vader-sentiment`, already the baseline) gives each
 * known word its sign (`L:p` / `L:n`) and rounded valence (`L:-2`); the finance direction list
 * gives `F:up` / `F:down`. A negator in the three tokens before a word flips its sign ("not
 * strong" → negative). The words' weights are still learned from sent_train.csv.
 */
import { createRequire } from 'node:module';
import { FINANCE_DIRECTION } from './finance-words.js';
import { stemOf } from './stem.js';

// vader-sentiment ships its lexicon as CommonJS (`{ lexicon: { word: valence } }`), without types.
const VADER_LEXICON = (
  createRequire(import.meta.url)('vader-sentiment/src/vader_lexicon.js') as {
    lexicon: Readonly<Record<string, number>>;
  }
).lexicon;

const NEGATORS = new Set(['not', 'no', 'never', 'nor', 'without', 'cannot']);
const NEGATION_WINDOW = 3;

export function isNegator(token: string): boolean {
  return NEGATORS.has(token) || token.endsWith("n't");
}

function negated(tokens: readonly string[], i: number): boolean {
  for (let j = Math.max(0, i - NEGATION_WINDOW); j < i; j++) if (isNegator(tokens[j] ?? '')) return true;
  return false;
}

/** VADER valence of a token or of its crude stem (`undefined` when neither is in the lexicon). */
export function vaderValence(token: string): number | undefined {
  if (Object.hasOwn(VADER_LEXICON, token)) return VADER_LEXICON[token];
  const stem = stemOf(token);
  return Object.hasOwn(VADER_LEXICON, stem) ? VADER_LEXICON[stem] : undefined;
}

export function vaderFeatures(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const valence = vaderValence(token);
    if (valence === undefined || valence === 0) return;
    const signed = negated(tokens, i) ? -valence : valence;
    out.push(signed > 0 ? 'L:p' : 'L:n', `L:${Math.round(signed)}`);
  });
  return out;
}

export function financeFeatures(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const direction = FINANCE_DIRECTION.get(token);
    if (direction === undefined) return;
    out.push((negated(tokens, i) ? -direction : direction) > 0 ? 'F:up' : 'F:down');
  });
  return out;
}
