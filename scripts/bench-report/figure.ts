/**
 * One benchmark figure, shared by every bench (protocol, agent, sim, web): `recordFigure` prints the
 * human line and, when `PT_BENCH_FIGURES` names a file, appends the figure there as one JSON line
 * for the report (scripts/bench-report/run.ts). Node only; benches import it by relative path.
 */
import { appendFileSync } from 'node:fs';

export const FIGURES_ENV = 'PT_BENCH_FIGURES';

export type TargetOp = '>=' | '<=';

export interface Figure {
  /** The workspace that measured it: protocol, agent, sim, web. */
  suite: string;
  name: string;
  /** A measurement (a rate, a latency, a size), not money: a plain number. */
  value: number;
  unit: string;
  target?: { op: TargetOp; value: number };
  /** The baseline measured beside it on the same machine (e.g. a bare JSON.parse loop). */
  floor?: { value: number; label: string };
  /** Context printed in parentheses after the value. */
  note?: string;
}

export type Verdict = 'MET' | 'BELOW' | '—';

/** MET when the value meets the target, BELOW when not (or when it is not a number), — without one. */
export function verdict(figure: Pick<Figure, 'value' | 'target'>): Verdict {
  const { target, value } = figure;
  if (target === undefined) return '—';
  if (!Number.isFinite(value)) return 'BELOW';
  return (target.op === '>=' ? value >= target.value : value <= target.value) ? 'MET' : 'BELOW';
}

/** Thousands separators; at most two decimals (callers round to the precision that means something). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const OP_SIGN: Record<TargetOp, string> = { '>=': '≥', '<=': '≤' };

export function formatTarget(target: NonNullable<Figure['target']>, unit: string): string {
  return `${OP_SIGN[target.op]} ${formatNumber(target.value)} ${unit}`;
}

/** `suite name: 97,604 events/s (note) (floor …) (target ≥ 100,000 events/s) BELOW TARGET`. */
export function formatFigureLine(figure: Figure): string {
  const parts = [`${figure.suite} ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`];
  if (figure.note !== undefined) parts.push(`(${figure.note})`);
  if (figure.floor !== undefined)
    parts.push(`(floor ${formatNumber(figure.floor.value)} ${figure.unit}: ${figure.floor.label})`);
  if (figure.target !== undefined) {
    parts.push(`(target ${formatTarget(figure.target, figure.unit)})`);
    parts.push(verdict(figure) === 'MET' ? 'MET' : 'BELOW TARGET');
  }
  return parts.join(' ');
}

/** Prints the figure's line; appends it to the `PT_BENCH_FIGURES` file when that is set. */
export function recordFigure(
  figure: Figure,
  env: NodeJS.ProcessEnv = process.env,
  write: (text: string) => void = (text) => process.stdout.write(text),
): void {
  write(`${formatFigureLine(figure)}\n`);
  const file = env[FIGURES_ENV];
  if (file !== undefined && file !== '') appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
