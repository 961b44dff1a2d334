/**
 * `GET /v1/backtests` and `GET /v1/backtests/:id` on the real agent process (temp data dir, paired
 * like a browser): report files written into `<data-dir>/backtests/` while it runs are listed newest
 * first and served back unchanged; bad files (broken JSON, off-schema, a name that is not an id,
 * a summary id that differs from the name) are skipped, never a 5xx; ids are validated; the
 * bearer token is required.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BacktestList, BacktestReport, ErrorBody } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killIfRunning, stopAgent } from '../process/spawn-agent.js';
import { startPairedAgent, type PairedAgent } from '../security/paired-agent.js';
import { handBuiltReport } from './report-fixture.js';

let paired: PairedAgent | undefined;

beforeAll(async () => {
  paired = await startPairedAgent();
}, 60_000);

afterAll(async () => {
  if (paired !== undefined) expect((await stopAgent(paired.agent)).code).toBe(0);
  killIfRunning(paired?.agent);
});

function agent(): PairedAgent {
  if (paired === undefined) throw new Error('agent not started');
  return paired;
}

function writeReportFile(name: string, content: string): void {
  const dir = join(agent().dataDir, 'backtests');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
}

async function list(): Promise<BacktestList> {
  const res = await agent().call('GET', '/v1/backtests');
  expect(res.status).toBe(200);
  return BacktestList.parse(await res.json());
}

describe('backtest reports over the agent API (real agent)', () => {
  it('lists nothing before any run (no backtests folder yet)', async () => {
    expect(await list()).toEqual({ backtests: [] });
  });

  it('lists the reports newest first and serves each one back unchanged', async () => {
    const older = handBuiltReport('volatility-rider-weather-tob-s7-20251124t100000', 1_764_000_000_000);
    const newer = handBuiltReport('hype-fade-weather-tob-s7-20251125t100000', 1_764_086_400_000);
    writeReportFile(`${older.summary.id}.json`, JSON.stringify(older));
    writeReportFile(`${newer.summary.id}.json`, JSON.stringify(newer));
    const listed = await list();
    expect(listed.backtests.map((s) => s.id)).toEqual([newer.summary.id, older.summary.id]);
    expect(listed.backtests[1]).toEqual(older.summary);
    const res = await agent().call('GET', `/v1/backtests/${older.summary.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(BacktestReport.parse(await res.json())).toEqual(older);
  });

  it('skips bad files in the list, and answers 404 for one asked by id, never a 5xx', async () => {
    const before = (await list()).backtests.map((s) => s.id);
    const good = handBuiltReport('volatility-rider-weather-tob-s8-20251125t120000', 1_764_072_000_000);
    const { summary, ...rest } = good;
    writeReportFile('broken-json.json', '{"summary": {');
    writeReportFile(
      'off-schema.json',
      JSON.stringify({ ...rest, summary: { ...summary, id: 'off-schema', trades: -1 } }),
    );
    writeReportFile('renamed.json', JSON.stringify(good));
    writeReportFile('Not An Id.json', JSON.stringify(good));
    writeReportFile('notes.txt', 'not a report');
    expect((await list()).backtests.map((s) => s.id)).toEqual(before);
    for (const id of ['broken-json', 'off-schema', 'renamed']) {
      const res = await agent().call('GET', `/v1/backtests/${id}`);
      expect(res.status, id).toBe(404);
      const body = ErrorBody.parse(await res.json());
      expect(body).toMatchObject({ code: 'NOT_FOUND', details: { field: 'id' } });
      expect(body.message).toBe(`id: unreadable backtest report ${id}`);
    }
  });

  it('answers 404 for an absent report and 422 naming id for a malformed one', async () => {
    const absent = await agent().call('GET', '/v1/backtests/no-such-run');
    expect(absent.status).toBe(404);
    expect(ErrorBody.parse(await absent.json()).message).toBe('id: no backtest report no-such-run');
    for (const bad of ['Upper-Case', '..%2Fdevices', `${'a'.repeat(129)}`, '.hidden']) {
      const res = await agent().call('GET', `/v1/backtests/${bad}`);
      expect(res.status, bad).toBe(422);
      const body = ErrorBody.parse(await res.json());
      expect(body.details?.['field'], bad).toBe('id');
      expect(body.message, bad).toMatch(/^id: /);
    }
  });

  it('refuses both routes without the paired token', async () => {
    for (const path of ['/v1/backtests', '/v1/backtests/no-such-run']) {
      const res = await agent().call('GET', path, { auth: false });
      expect(res.status, path).toBe(401);
      expect(ErrorBody.parse(await res.json()).code).toBe('UNAUTHORIZED');
    }
  });
});
