import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { handBuiltReport } from '../../../test/backtests/report-fixture.js';
import { BacktestFiles } from './backtest-files.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function files(): { files: BacktestFiles; dir: string; warnings: string[] } {
  const dataDir = mkdtempSync(join(tmpdir(), 'pt-backtest-files-'));
  dirs.push(dataDir);
  const warnings: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      warnings.push(String(chunk));
      done();
    },
  });
  const reader = BacktestFiles.inDataDir(dataDir, pino({ level: 'warn' }, sink));
  return { files: reader, dir: reader.dir, warnings };
}

describe('BacktestFiles', () => {
  it('re-reads a rewritten report, forgets a deleted one, and logs a bad file once per version', async () => {
    const { files: reader, dir, warnings } = files();
    expect(await reader.list()).toEqual([]); // no folder yet
    mkdirSync(dir);
    const report = handBuiltReport('volatility-rider-weather-tob-s7-20251124t100000', 1_764_000_000_000);
    writeFileSync(join(dir, `${report.summary.id}.json`), JSON.stringify(report));
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await reader.list()).map((s) => s.pnlAfterFeesE6)).toEqual([30_000]);
    expect(await reader.list()).toHaveLength(1);
    expect(warnings.filter((line) => line.includes('broken.json'))).toHaveLength(1);

    const rewritten = { ...report, summary: { ...report.summary, pnlAfterFeesE6: -1_250_000 } };
    writeFileSync(join(dir, `${report.summary.id}.json`), JSON.stringify(rewritten));
    expect((await reader.list()).map((s) => s.pnlAfterFeesE6)).toEqual([-1_250_000]);

    writeFileSync(join(dir, 'broken.json'), '{"summary": 1}');
    await reader.list();
    expect(warnings.filter((line) => line.includes('broken.json'))).toHaveLength(2);

    rmSync(join(dir, `${report.summary.id}.json`));
    expect(await reader.list()).toEqual([]);
    expect(await reader.read(report.summary.id)).toEqual({ kind: 'absent' });
  });
});
