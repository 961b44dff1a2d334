/**
 * The runner end to end on the quickest real suite (protocol, ~10 s): the figures the bench
 * recorded come back in report.json and report.md. Slow by nature; one run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from './report.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const out = mkdtempSync(join(tmpdir(), 'pt-bench-report-test-'));

function runBench(only: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-report/run.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PT_BENCH_ONLY: only, PT_BENCH_OUT: out },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run bench (scripts/bench-report/run.ts)', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs the protocol suite and writes its figures into report.json and report.md', () => {
    const result = runBench('protocol');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.suites.map((run) => [run.suite, run.exitCode])).toEqual([['protocol', 0]]);
    expect(report.figures.map((figure) => figure.name)).toEqual([
      'parsePriceDollars',
      'parseCountFp',
      'priceDollarsString (zod)',
      'ServerEvent book.delta',
      'ServerEvent book.snapshot 2×100 levels',
    ]);
    for (const figure of report.figures) {
      expect(figure.suite).toBe('protocol');
      expect(figure.value).toBeGreaterThan(0);
      // The bench printed the same figure live.
      expect(result.stdout).toContain(`protocol ${figure.name}: `);
    }
    expect(report.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.stdout).toContain('0 met, 0 below target, 5 without a target');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| protocol ServerEvent book.delta |');
    expect(md).toContain('PT_BENCH_ONLY=protocol npm run bench');
  }, 120_000);

  it('refuses an unknown suite before running anything', () => {
    const result = runBench('protocol,nope');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PT_BENCH_ONLY: unknown suite nope');
  });
});
