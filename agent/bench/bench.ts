import { recordFigure } from '../../scripts/bench-report/figure.js';
import type { Figure } from '../../scripts/bench-report/figure.js';

/**
 * A benchmark run by run.ts: returns its output in order, figures (recorded for the report and
 * printed as their line, see scripts/bench-report/figure.ts) and plain context lines.
 */
export interface Bench {
  name: string;
  run(): Promise<BenchOutput[]>;
}

export type BenchOutput = string | Figure;

/** A figure of the agent suite (`suite` filled in). */
export function agentFigure(figure: Omit<Figure, 'suite'>): Figure {
  return { suite: 'agent', ...figure };
}

/** Prints context lines and records figures, in order. */
export function emit(outputs: readonly BenchOutput[]): void {
  for (const output of outputs) {
    if (typeof output === 'string') process.stdout.write(`${output}\n`);
    else recordFigure(output);
  }
}
