/**
 * The chaos suite's output: one PASS/FAIL line per scenario as it ends, a summary table
 * (scenario | expected | observed | PASS/FAIL | seconds) with the invariants per scenario, and the
 * same as `test-artifacts/chaos/report.json` and `report.md`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioResult } from './types.js';

export function verdictLine(result: ScenarioResult): string {
  const broken = result.invariants.filter((i) => i.violations.length > 0).map((i) => i.name);
  const tail = broken.length === 0 ? '' : ` (invariants broken: ${broken.join(', ')})`;
  return `${result.isPass ? 'PASS' : 'FAIL'} ${result.name} in ${result.seconds.toFixed(1)} s${tail}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function markdownReport(
  results: readonly ScenarioResult[],
  meta: { startedAt: string; totalSeconds: number },
): string {
  const passed = results.filter((r) => r.isPass).length;
  const lines = [
    '# Chaos suite report',
    '',
    `${meta.startedAt}, ${results.length} scenario(s), ${passed} PASS, ${results.length - passed} FAIL, ` +
      `${meta.totalSeconds.toFixed(1)} s in all (real agent, real simulator, real vibe; \`npm run chaos\`).`,
    '',
    '| scenario | expected | observed | PASS/FAIL | seconds |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${cell(r.expected)} | ${cell(r.observed)} | ${r.isPass ? 'PASS' : 'FAIL'} | ${r.seconds.toFixed(1)} |`,
    ),
    '',
    '## Invariants after each scenario',
    '',
    '| scenario | invariant | holds | detail |',
    '| --- | --- | --- | --- |',
    ...results.flatMap((r) =>
      r.invariants.map(
        (i) =>
          `| ${r.name} | ${i.name} | ${i.violations.length === 0 ? 'yes' : 'NO'} | ${cell(
            i.violations.length === 0 ? i.summary : i.violations.join('; '),
          )} |`,
      ),
    ),
    '',
  ];
  return lines.join('\n');
}

/** A plain-text table for the terminal. */
export function consoleTable(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.expected,
    r.observed,
    r.isPass ? 'PASS' : 'FAIL',
    r.seconds.toFixed(1),
  ]);
  const header = ['scenario', 'expected', 'observed', 'PASS/FAIL', 'seconds'];
  const clip = (text: string, width: number): string =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text;
  const widths = [30, 48, 60, 9, 7];
  const format = (row: string[]): string =>
    row.map((c, i) => clip(cell(c), widths[i] ?? 10).padEnd(widths[i] ?? 10)).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(format)].join('\n');
}

export function writeReports(
  dir: string,
  results: readonly ScenarioResult[],
  meta: { startedAt: string; totalSeconds: number },
): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const md = join(dir, 'report.md');
  writeFileSync(json, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  writeFileSync(md, markdownReport(results, meta));
  return { json, md };
}
