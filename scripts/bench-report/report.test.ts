import { describe, expect, it } from 'vitest';
import type { Figure } from './figure.js';
import type { Machine } from './machine.js';
import { markdownReport, textSummary, textTable } from './render.js';
import { composeReport, selectSuites } from './report.js';

const machine: Machine = {
  cpuModel: 'AMD EPYC',
  cores: 2,
  ramGiB: 23.5,
  node: 'v20.20.2',
  os: 'Debian GNU/Linux 12 (bookworm) (Linux 6.1 x64)',
  loadAvg1: 0.7,
};

const figures: Figure[] = [
  { suite: 'agent', name: 'ledger', value: 97_604, unit: 'events/s', target: { op: '>=', value: 100_000 } },
  {
    suite: 'agent',
    name: 'ws ingest',
    value: 628_108,
    unit: 'msg/s',
    target: { op: '>=', value: 250_000 },
    floor: { value: 766_000, label: 'raw JSON.parse' },
    note: 'per CPU second | 11 rounds',
  },
  { suite: 'agent', name: 'cold start', value: 2_140, unit: 'ms' },
];

function report(exitCodes: [number | null, number | null] = [0, 0]) {
  return composeReport({
    date: new Date('2026-11-25T19:00:00Z'),
    commit: 'abc123',
    isDirty: true,
    machine,
    suites: [
      { suite: 'agent', exitCode: exitCodes[0], seconds: 80.4 },
      { suite: 'sim', exitCode: exitCodes[1], seconds: 31 },
    ],
    figures,
  });
}

describe('selectSuites', () => {
  it('all suites in order when unset or empty', () => {
    expect(selectSuites(undefined)).toEqual(['protocol', 'agent', 'sim', 'web']);
    expect(selectSuites(' ')).toEqual(['protocol', 'agent', 'sim', 'web']);
  });
  it('a subset, in the usual order whatever order it was named in', () => {
    expect(selectSuites('sim, agent')).toEqual(['agent', 'sim']);
  });
  it('refuses an unknown suite by name', () => {
    expect(() => selectSuites('agent,webb')).toThrow('PT_BENCH_ONLY: unknown suite webb');
  });
});

describe('composeReport', () => {
  it('gives each figure its verdict and counts them', () => {
    const r = report();
    expect(r.figures.map((f) => f.verdict)).toEqual(['BELOW', 'MET', '—']);
    expect(r.summary).toEqual({ met: 1, below: 1, untargeted: 1, failedSuites: [] });
  });
  it('has the JSON shape the report file keeps (round trip through JSON)', () => {
    const r = JSON.parse(JSON.stringify(report([0, 1]))) as Record<string, unknown>;
    expect(Object.keys(r).sort()).toEqual(
      ['commit', 'date', 'figures', 'isDirty', 'machine', 'reproduce', 'suites', 'summary'].sort(),
    );
    expect(r['date']).toBe('2026-11-25T19:00:00.000Z');
    expect(r['machine']).toEqual(machine);
    expect(r['summary']).toMatchObject({ failedSuites: ['sim'] });
    expect((r['figures'] as unknown[])[1]).toEqual({ ...figures[1], verdict: 'MET' });
  });
  it('a suite ended by a signal counts as failed', () => {
    expect(report([null, 0]).summary.failedSuites).toEqual(['agent']);
  });
  it('reproduce names the subset that ran', () => {
    expect(report().reproduce).toContain('PT_BENCH_ONLY=agent,sim npm run bench');
  });
});

describe('render', () => {
  it('pads the table so every column lines up', () => {
    const lines = textTable(report().figures).split('\n');
    expect(lines[0]).toMatch(/^figure +\| measured +\| target \/ floor +\| result$/);
    expect(lines[1]).toMatch(/^-+-\|-+-\|-+-\|-+$/);
    const cells = (line: string | undefined): string[] => (line ?? '').split(' | ').map((c) => c.trim());
    expect(cells(lines[2])).toEqual(['agent ledger', '97,604 events/s', '≥ 100,000 events/s', 'BELOW']);
    expect(cells(lines[3])).toEqual([
      'agent ws ingest',
      '628,108 msg/s',
      '≥ 250,000 msg/s; floor 766,000 (raw JSON.parse)',
      'MET',
    ]);
    expect(cells(lines[4])).toEqual(['agent cold start', '2,140 ms', '—', '—']);
    const bars = lines.filter((_, i) => i !== 1).map((l) => [...l].flatMap((c, i) => (c === '|' ? [i] : [])));
    expect(new Set(bars.map((b) => b.join(','))).size).toBe(1);
  });
  it('summary line counts and names failed suites', () => {
    expect(textSummary(report([0, 2]))).toContain(
      '1 met, 1 below target, 1 without a target; FAILED suites: sim',
    );
  });
  it('markdown has the machine, the commit, the table with escaped pipes, the suites and how to reproduce', () => {
    const md = markdownReport(report([0, 2]));
    expect(md).toContain('Measured 2026-11-25T19:00:00.000Z at commit `abc123` (with uncommitted changes).');
    expect(md).toContain('- CPU: AMD EPYC, 2 cores');
    expect(md).toContain('- RAM: 23.5 GiB');
    expect(md).toContain('- Node: v20.20.2');
    expect(md).toContain(
      '| agent ws ingest | 628,108 msg/s | ≥ 250,000 msg/s; floor 766,000 (raw JSON.parse) | MET | per CPU second \\| 11 rounds |',
    );
    expect(md).toContain('- sim: FAILED (exit 2), 31 s');
    expect(md).toContain('3. PT_BENCH_ONLY=agent,sim npm run bench');
  });
});
