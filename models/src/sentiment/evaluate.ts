/**
 * Side-by-side evaluation: the exported ONNX classifier (run by onnxruntime, i.e. the artifact
 * that ships) and the VADER baseline on the same texts, per dataset: accuracy, macro-F1,
 * per-class F1 and the confusion matrix.
 */
import type * as ort from 'onnxruntime-node';
import type { FeatureSpec } from './features.js';
import { CLASS_COUNT, type ClassIndex, type LabelledText } from './labels.js';
import { argmax, classificationMetrics, type Metrics } from './metrics.js';
import { runSentimentSession } from './run-session.js';
import { vaderClass } from './vader-baseline.js';

export interface EvalSet {
  readonly name: string;
  readonly description: string;
  readonly rows: readonly LabelledText[];
}

export interface SetResult {
  readonly name: string;
  readonly description: string;
  readonly n: number;
  /** Rows per class, SENTIMENT_CLASSES order. */
  readonly classCounts: readonly number[];
  readonly model: Metrics;
  readonly vader: Metrics;
}

const BATCH = 256;

export async function evaluateSet(
  session: ort.InferenceSession,
  spec: FeatureSpec,
  set: EvalSet,
): Promise<SetResult> {
  const truth = set.rows.map((r) => r.label);
  const predicted: ClassIndex[] = [];
  for (let start = 0; start < set.rows.length; start += BATCH) {
    const texts = set.rows.slice(start, start + BATCH).map((r) => r.text);
    for (const p of await runSentimentSession(session, texts, spec)) predicted.push(argmax(p));
  }
  const vader = set.rows.map((r) => vaderClass(r.text));
  const classCounts = Array.from({ length: CLASS_COUNT }, (_, c) => truth.filter((t) => t === c).length);
  return {
    name: set.name,
    description: set.description,
    n: set.rows.length,
    classCounts,
    model: classificationMetrics(truth, predicted),
    vader: classificationMetrics(truth, vader),
  };
}

const pct = (x: number): string => (100 * x).toFixed(1);

/** The README table: one row per dataset, model and VADER side by side. */
export function markdownTable(results: readonly SetResult[]): string {
  const lines = [
    '| Dataset | n (bear/neu/bull) | Model acc | Model macro-F1 | VADER acc | VADER macro-F1 | Model F1 bear/neu/bull | VADER F1 bear/neu/bull |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const f1s = (m: Metrics): string => m.perClass.map((c) => pct(c.f1)).join(' / ');
    lines.push(
      `| ${r.name} | ${r.n} (${r.classCounts.join('/')}) | ${pct(r.model.accuracy)} | **${pct(r.model.macroF1)}** | ${pct(r.vader.accuracy)} | ${pct(r.vader.macroF1)} | ${f1s(r.model)} | ${f1s(r.vader)} |`,
    );
  }
  return lines.join('\n');
}
