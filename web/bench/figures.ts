/** Percentiles, the web suite's figures (recorded for the report, see scripts/bench-report/figure.ts) and context lines. */
import { recordFigure } from '../../scripts/bench-report/figure.js';
import type { Figure } from '../../scripts/bench-report/figure.js';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** One decimal: what a frame rate or a latency in ms means here. */
export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** Prints `web name: value unit (note) (target …) MET | BELOW TARGET` and records the figure. */
export function webFigure(figure: Omit<Figure, 'suite'>): void {
  recordFigure({ suite: 'web', ...figure });
}

export function info(name: string, value: string): string {
  return `web ${name}: ${value}`;
}
