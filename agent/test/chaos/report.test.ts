/** The chaos report and scenario selection: names select, unknown names are refused, FAIL shows. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownReport, verdictLine, writeReports } from '../../chaos/report.js';
import { SCENARIOS, selectScenarios } from '../../chaos/scenarios/index.js';
import type { ScenarioResult } from '../../chaos/types.js';

const failed: ScenarioResult = {
  name: 'seq-gap',
  expected: 'resync | recover',
  observed: 'FAILED: data liveness stayed red',
  invariants: [
    { name: 'ledger = venue', violations: [], summary: '1 venue orders' },
    {
      name: 'no duplicate orders',
      violations: ['client order id pt-1 has 2 venue orders: a, b'],
      summary: '',
    },
  ],
  isPass: false,
  seconds: 12.34,
};

describe('scenario selection', () => {
  it('runs every scenario by default, each name once, and the named ones in suite order', () => {
    expect(selectScenarios([])).toHaveLength(SCENARIOS.length);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    expect(selectScenarios(['vibe-down', 'ws-disconnect']).map((s) => s.name)).toEqual([
      'ws-disconnect',
      'vibe-down',
    ]);
  });

  it('refuses an unknown name and lists the known ones', () => {
    expect(() => selectScenarios(['ws-disconect'])).toThrow(
      /unknown scenario\(s\): ws-disconect; known: ws-disconnect, /,
    );
  });
});

describe('report', () => {
  it('prints FAIL with the broken invariants', () => {
    expect(verdictLine(failed)).toBe('FAIL seq-gap in 12.3 s (invariants broken: no duplicate orders)');
  });

  it('writes the table with escaped cells and the invariants, as Markdown and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-chaos-report-'));
    try {
      const files = writeReports(dir, [failed], { startedAt: '2026-11-25T19:00:00.000Z', totalSeconds: 20 });
      const md = readFileSync(files.md, 'utf8');
      expect(md).toContain('1 scenario(s), 0 PASS, 1 FAIL');
      expect(md).toContain(
        '| seq-gap | resync \\| recover | FAILED: data liveness stayed red | FAIL | 12.3 |',
      );
      expect(md).toContain(
        '| seq-gap | no duplicate orders | NO | client order id pt-1 has 2 venue orders: a, b |',
      );
      expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({
        results: [{ name: 'seq-gap', isPass: false }],
      });
      expect(markdownReport([], { startedAt: 'x', totalSeconds: 0 })).toContain('0 scenario(s)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
