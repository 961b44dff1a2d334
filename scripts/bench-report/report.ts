/** The report's shape: every figure with its verdict, the suites that ran, the machine, how to rerun. */
import { verdict } from './figure.js';
import type { Figure, Verdict } from './figure.js';
import type { Machine } from './machine.js';

export const SUITES = ['protocol', 'agent', 'sim', 'web'] as const;
export type Suite = (typeof SUITES)[number];

export interface SuiteRun {
  suite: Suite;
  /** The bench process's exit code; null when it ended on a signal. */
  exitCode: number | null;
  seconds: number;
}

export interface ReportFigure extends Figure {
  verdict: Verdict;
}

export interface Report {
  /** ISO 8601, UTC. */
  date: string;
  commit: string;
  /** Uncommitted changes in the checkout when the run started. */
  isDirty: boolean;
  machine: Machine;
  reproduce: string[];
  suites: SuiteRun[];
  figures: ReportFigure[];
  summary: { met: number; below: number; untargeted: number; failedSuites: Suite[] };
}

/** `PT_BENCH_ONLY=agent,sim` → those suites in the usual order; unset or empty → all of them. */
export function selectSuites(only: string | undefined): Suite[] {
  if (only === undefined || only.trim() === '') return [...SUITES];
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !SUITES.some((suite) => suite === name));
  if (unknown.length > 0)
    throw new Error(`PT_BENCH_ONLY: unknown suite ${unknown.join(', ')} (known: ${SUITES.join(', ')})`);
  return SUITES.filter((suite) => names.includes(suite));
}

export function reproduceSteps(suites: readonly Suite[]): string[] {
  const only = suites.length === SUITES.length ? '' : `PT_BENCH_ONLY=${suites.join(',')} `;
  return [
    'clone the repository; the recorded data goes in ../shared/data beside the clone (each folder has a PROVENANCE.md)',
    'npm ci',
    `${only}npm run bench`,
    'one suite alone: npm run bench -w @pt/<protocol|agent|sim|web> (prints the same lines, writes no report)',
  ];
}

export function composeReport(input: {
  date: Date;
  commit: string;
  isDirty: boolean;
  machine: Machine;
  suites: SuiteRun[];
  figures: readonly Figure[];
}): Report {
  const figures = input.figures.map((figure) => ({ ...figure, verdict: verdict(figure) }));
  return {
    date: input.date.toISOString(),
    commit: input.commit,
    isDirty: input.isDirty,
    machine: input.machine,
    reproduce: reproduceSteps(input.suites.map((run) => run.suite)),
    suites: input.suites,
    figures,
    summary: {
      met: figures.filter((f) => f.verdict === 'MET').length,
      below: figures.filter((f) => f.verdict === 'BELOW').length,
      untargeted: figures.filter((f) => f.verdict === '—').length,
      failedSuites: input.suites.filter((run) => run.exitCode !== 0).map((run) => run.suite),
    },
  };
}
