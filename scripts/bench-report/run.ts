/**
 * `npm run bench`: runs each workspace's bench in turn (their output streams live), collects the
 * figures they record through figure.ts, prints one summary table and writes
 * bench-results/report.json and report.md. `PT_BENCH_ONLY=agent,sim` runs a subset. Exits 1 when
 * a suite failed; a missed target is reported, not an error. `PT_BENCH_OUT` moves the report.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURES_ENV } from './figure.js';
import { readMachine } from './machine.js';
import { parseFigures } from './parse-figures.js';
import { markdownReport, textSummary } from './render.js';
import { composeReport, selectSuites } from './report.js';
import type { Suite, SuiteRun } from './report.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Where the report goes: bench-results/ unless `PT_BENCH_OUT` names another folder. */
const OUT_DIR = resolve(REPO_ROOT, process.env['PT_BENCH_OUT'] ?? 'bench-results');

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function runSuite(suite: Suite, figuresFile: string): Promise<SuiteRun> {
  const startedMs = performance.now();
  process.stdout.write(`\n== bench: ${suite}\n`);
  const child = spawn('npm', ['run', 'bench', '-w', `@pt/${suite}`], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, [FIGURES_ENV]: figuresFile },
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) =>
      done({ suite, exitCode: code, seconds: (performance.now() - startedMs) / 1000 }),
    );
  });
}

async function main(): Promise<number> {
  const suites = selectSuites(process.env['PT_BENCH_ONLY']);
  const machine = readMachine();
  const date = new Date();
  const commit = git(['rev-parse', 'HEAD']) || 'unknown';
  const isDirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  const dir = mkdtempSync(join(tmpdir(), 'pt-bench-figures-'));
  const figuresFile = join(dir, 'figures.jsonl');
  writeFileSync(figuresFile, '');
  try {
    const runs: SuiteRun[] = [];
    for (const suite of suites) runs.push(await runSuite(suite, figuresFile));
    const figures = parseFigures(readFileSync(figuresFile, 'utf8'), FIGURES_ENV);
    const report = composeReport({ date, commit, isDirty, machine, suites: runs, figures });
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(OUT_DIR, 'report.md'), markdownReport(report));
    process.stdout.write(
      `\n== summary (${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node})\n`,
    );
    process.stdout.write(textSummary(report));
    process.stdout.write(`report: ${join(OUT_DIR, 'report.md')} and report.json\n`);
    return report.summary.failedSuites.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
