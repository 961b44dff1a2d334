/**
 * Validation of the signal model beside its baselines, in the same run: overall and per source,
 * log-loss and AUC of the model, of the base rate (the train up-rate of the row's source) and of
 * the momentum heuristic (train up-rate of the source by the sign of the 5-minute return); plus the
 * markdown table. In the `all` row the base rate already separates the sources, so the model's
 * edge there is not just knowing which source a row comes from.
 */
import type { SignalSource } from './data.js';
import type { Sample, SignalTarget } from './dataset.js';
import { SIGNAL_FEATURES } from './features.js';
import { binaryMetrics, fitMomentum, mean, momentumBucket, type BinaryMetrics } from './metrics.js';

const RET5 = SIGNAL_FEATURES.indexOf('ret_5m');

export interface SetMetrics {
  readonly target: SignalTarget;
  readonly set: string;
  readonly n: number;
  readonly rate: number;
  readonly model: BinaryMetrics;
  readonly baseRate: BinaryMetrics;
  readonly heuristic: BinaryMetrics;
}

export interface Baselines {
  /** Train up-rate per source. */
  readonly baseRate: Partial<Record<SignalSource, number>>;
  /** Train up-rate per source and momentum bucket (ret_5m down / flat / up). */
  readonly momentum: Partial<Record<SignalSource, [number, number, number]>>;
}

/** Both baselines are fitted on the train rows of each source (a fair bar for a per-source model). */
export function fitBaselines(train: readonly Sample[], target: SignalTarget): Baselines {
  const baseRate: Baselines['baseRate'] = {};
  const momentum: Baselines['momentum'] = {};
  for (const src of SOURCES) {
    const own = train.filter((s) => s.source === src);
    if (own.length === 0) continue;
    baseRate[src] = mean(own.map((s) => s[target]));
    momentum[src] = fitMomentum(
      own.map((s) => s.x[RET5] ?? 0),
      own.map((s) => s[target]),
    );
  }
  return { baseRate, momentum };
}

const SOURCES: readonly SignalSource[] = ['weather', 'sports', 'trades'];

export function evaluateSignal(
  train: readonly Sample[],
  validation: readonly Sample[],
  modelP: readonly number[],
  target: SignalTarget,
): { sets: SetMetrics[]; baselines: Baselines } {
  const baselines = fitBaselines(train, target);
  const overall = mean(train.map((s) => s[target]));
  const baseOf = (s: Sample): number => baselines.baseRate[s.source] ?? overall;
  const heuristicOf = (s: Sample): number =>
    baselines.momentum[s.source]?.[momentumBucket(s.x[RET5] ?? 0)] ?? baseOf(s);
  const measure = (set: string, rows: number[]): SetMetrics => {
    const pick = (f: (s: Sample) => number): number[] => rows.map((i) => f(validation[i] as Sample));
    const y = pick((s) => s[target]);
    return {
      target,
      set,
      n: rows.length,
      rate: mean(y),
      model: binaryMetrics(
        y,
        rows.map((i) => modelP[i] ?? NaN),
      ),
      baseRate: binaryMetrics(y, pick(baseOf)),
      heuristic: binaryMetrics(y, pick(heuristicOf)),
    };
  };
  const all = validation.map((_, i) => i);
  const sets = [
    measure('all', all),
    ...SOURCES.map((src) =>
      measure(
        src,
        all.filter((i) => (validation[i] as Sample).source === src),
      ),
    ).filter((m) => m.n > 0),
  ];
  return { sets, baselines };
}

const f3 = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(3));

export function signalTable(sets: readonly SetMetrics[]): string {
  const head =
    '| Target | Validation set | n | rate | Model log-loss | Base-rate log-loss | Heuristic log-loss | Model AUC | Base-rate AUC | Heuristic AUC |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const rows = sets.map(
    (s) =>
      `| ${s.target} | ${s.set} | ${s.n} | ${f3(s.rate)} | ${f3(s.model.logLoss)} | ${f3(s.baseRate.logLoss)} | ${f3(s.heuristic.logLoss)} | ${f3(s.model.auc)} | ${f3(s.baseRate.auc)} | ${f3(s.heuristic.auc)} |`,
  );
  return [head, ...rows].join('\n');
}
