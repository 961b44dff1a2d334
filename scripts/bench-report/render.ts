/** The report as a terminal table and as Markdown. */
import { formatNumber, formatTarget } from './figure.js';
import type { ReportFigure, Report } from './report.js';

const HEADER = ['figure', 'measured', 'target / floor', 'result'] as const;

export function figureCells(figure: ReportFigure): [string, string, string, string] {
  const against = [
    figure.target === undefined ? null : formatTarget(figure.target, figure.unit),
    figure.floor === undefined ? null : `floor ${formatNumber(figure.floor.value)} (${figure.floor.label})`,
  ].filter((part) => part !== null);
  return [
    `${figure.suite} ${figure.name}`,
    `${formatNumber(figure.value)} ${figure.unit}`,
    against.length === 0 ? '—' : against.join('; '),
    figure.verdict,
  ];
}

/** Columns padded to their widest cell, separated by ` | `. */
export function textTable(figures: readonly ReportFigure[]): string {
  const rows = [[...HEADER], ...figures.map(figureCells)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  const pad = (cell: string, column: number): string =>
    cell + ' '.repeat((widths[column] ?? 0) - [...cell].length);
  const lines = rows.map((row) => row.map(pad).join(' | ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  return lines.join('\n');
}

function summaryLine(report: Report): string {
  const { met, below, untargeted, failedSuites } = report.summary;
  const failed = failedSuites.length === 0 ? '' : `; FAILED suites: ${failedSuites.join(', ')}`;
  return `${met} met, ${below} below target, ${untargeted} without a target${failed}`;
}

export function textSummary(report: Report): string {
  return `${textTable(report.figures)}\n\n${summaryLine(report)}\n`;
}

const escapeCell = (cell: string): string => cell.replaceAll('|', '\\|');

export function markdownReport(report: Report): string {
  const { machine } = report;
  const rows = report.figures.map((figure) => [...figureCells(figure), figure.note ?? '']);
  const table = [
    '| figure | measured | target / floor | result | details |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ];
  return [
    '# Benchmark report',
    '',
    `Measured ${report.date} at commit \`${report.commit}\`${report.isDirty ? ' (with uncommitted changes)' : ''}.`,
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpuModel}, ${machine.cores} cores`,
    `- RAM: ${machine.ramGiB} GiB`,
    `- OS: ${machine.os}`,
    `- Node: ${machine.node}`,
    `- 1-minute load average at the start: ${machine.loadAvg1}`,
    '',
    '## Figures',
    '',
    summaryLine(report) + '.',
    '',
    ...table,
    '',
    '## Suites',
    '',
    ...report.suites.map(
      (run) =>
        `- ${run.suite}: ${run.exitCode === 0 ? 'ok' : `FAILED (exit ${run.exitCode ?? 'signal'})`}, ${run.seconds.toFixed(0)} s`,
    ),
    '',
    '## Reproduce',
    '',
    ...report.reproduce.map((step, i) => `${i + 1}. ${step}`),
    '',
  ].join('\n');
}
