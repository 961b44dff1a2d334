import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { tempDataDir } from './spawn-agent.js';

const CONTENDER = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));
const CONTENDERS = 4;
const RACE_MS = 1_500;

function contend(args: readonly string[]): Promise<{ code: number | null; wins: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, wins: Number(out.trim()) })));
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('instance lock under contention', () => {
  it('never lets two processes hold the lock at once, across many stale-lock takeovers', async () => {
    const dataDir = tempDataDir();
    const journal = join(dataDir, 'journal');
    const dead = await deadPid();
    writeFileSync(join(dataDir, 'agent.lock'), JSON.stringify({ pid: dead }));
    writeFileSync(journal, '');
    // Processes load at different speeds; a shared start time makes them actually race.
    const startAtMs = Date.now() + 3_000;
    const args = [dataDir, journal, String(startAtMs), String(startAtMs + RACE_MS), String(dead)];
    const results = await Promise.all(Array.from({ length: CONTENDERS }, () => contend(args)));

    expect(results.map((result) => result.code)).toEqual(Array.from({ length: CONTENDERS }, () => 0));
    const entries = readFileSync(journal, 'utf8').trim().split('\n');
    // Strictly alternating enter/leave by the same pid: no critical sections ever overlapped.
    for (let i = 0; i < entries.length; i += 2) {
      expect(entries[i]?.startsWith('+')).toBe(true);
      expect(entries[i + 1]).toBe(`-${entries[i]?.slice(1)}`);
    }
    const totalWins = results.reduce((sum, result) => sum + result.wins, 0);
    expect(entries).toHaveLength(totalWins * 2);
    // Enough takeovers, by more than one process, that the race was really exercised.
    expect(totalWins).toBeGreaterThan(20);
    expect(results.filter((result) => result.wins > 0).length).toBeGreaterThan(1);
  });
});
