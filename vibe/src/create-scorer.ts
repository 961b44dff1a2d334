/**
 * THE wiring point for the scorer (issue 9). The scorers themselves live in `scorer/` (owned by
 * the model pipeline): `onnx` is the trained classifier, `vader` the baseline. This file only
 * picks one; swap the default here (or pass `--scorer`). Modules are loaded lazily so the service
 * does not pay for onnxruntime when it runs the baseline.
 */
import type { Scorer } from './scorer/types.js';

export type ScorerKind = 'onnx' | 'vader';

/** Module and export of each scorer inside `scorer/`. */
const SCORERS: Record<ScorerKind, { module: string; exportName: string }> = {
  onnx: { module: './scorer/onnx-sentiment-scorer.js', exportName: 'OnnxSentimentScorer' },
  vader: { module: './scorer/vader-scorer.js', exportName: 'VaderScorer' },
};

function isScorer(value: unknown): value is Scorer {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Scorer).modelId === 'string' &&
    typeof (value as Scorer).score === 'function' &&
    typeof (value as Scorer).close === 'function'
  );
}

/**
 * Loads the named scorer. A scorer class may offer a static `load()` (async: ONNX sessions) or a
 * no-argument constructor. Throws with what is missing when the scorer is not there yet.
 */
export async function createScorer(kind: ScorerKind): Promise<Scorer> {
  const { module, exportName } = SCORERS[kind];
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(module)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`scorer "${kind}": cannot load vibe/src/${module.slice(2)} (${String(err)})`);
  }
  const candidate = loaded[exportName] as { load?: () => Promise<unknown>; new (): unknown } | undefined;
  if (typeof candidate !== 'function')
    throw new Error(`scorer "${kind}": ${module} exports no ${exportName}`);
  const scorer = typeof candidate.load === 'function' ? await candidate.load() : new candidate();
  if (!isScorer(scorer)) throw new Error(`scorer "${kind}": ${exportName} does not implement Scorer`);
  return scorer;
}
