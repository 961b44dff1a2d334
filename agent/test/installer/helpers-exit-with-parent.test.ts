/**
 * The embedded default's helper watchdog on REAL processes: `npm start`'s supervisor
 * (scripts/start.ts) starts the simulator and vibe with `--exit-with-parent`, a stdin pipe and a
 * minimal environment; SIGKILL the supervisor (no handler runs) and both helpers are gone within
 * a few seconds. Also: neither helper got a secret-bearing variable.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../process/spawn-agent.js';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const started: number[] = [];

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function environKeys(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(0, entry.indexOf('=')));
}

describe('helpers of the embedded default', () => {
  it('exit on their own when the supervisor is SIGKILLed, and carry no secrets in env', async () => {
    const home = tempDataDir();
    const supervisor = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--port', '0', '--data-dir', join(home, 'data'), '--no-tray'],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: home, PT_TEST_SECRET: 'must-not-leak' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    supervisor.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    supervisor.stderr.on('data', () => undefined);
    const endMs = Date.now() + 90_000;
    while (!out.includes('PredictionTrader is running')) {
      if (Date.now() > endMs || supervisor.exitCode !== null) throw new Error(`stack did not start:\n${out}`);
      await sleep(200);
    }
    const pidOf = (name: string): number =>
      Number(new RegExp(`${name} ready \\(pid (\\d+)\\)`).exec(out)?.[1]);
    const helpers = [pidOf('sim'), pidOf('vibe')];
    const agentPid = pidOf('agent');
    started.push(...helpers, agentPid);
    for (const pid of helpers) {
      expect(isAlive(pid)).toBe(true);
      expect(environKeys(pid)).not.toContain('PT_TEST_SECRET');
      expect(
        environKeys(pid).every((key) => ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'].includes(key)),
      ).toBe(true);
    }
    // The agent is not a helper: it keeps the session's environment.
    expect(environKeys(agentPid)).toContain('PT_TEST_SECRET');

    supervisor.kill('SIGKILL');
    const goneBy = Date.now() + 5_000;
    while (helpers.some(isAlive) && Date.now() < goneBy) await sleep(100);
    expect(helpers.filter(isAlive)).toEqual([]);
    process.kill(agentPid, 'SIGTERM');
  }, 120_000);
});
