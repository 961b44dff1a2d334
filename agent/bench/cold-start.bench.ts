/**
 * Agent cold start and idle memory: the real CLI (agent/src/cli.ts under tsx, as `npm run agent`
 * starts it) on `--env sim` against the real simulator, each run with a fresh data dir (migrations,
 * a new sim key, nothing cached but tsx's transpile cache). Timed from spawn to
 * - the ready line on stdout (API listening: what `npm start` and the tests wait for), and
 * - the `trading gate open` log line (venue reconciled, stream up: able to trade).
 * Then, after the last run has sat idle for IDLE_MS, its resident memory (VmRSS of
 * /proc/<pid>/status; VmHWM, the peak, beside it). No target is named for these in the issues.
 */
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startSimVenue } from '../test/helpers/sim-venue.js';
import { spawnCli, stopAgent, tempDataDir, waitForReady } from '../test/process/spawn-agent.js';
import type { AgentChild } from '../test/process/spawn-agent.js';
import { agentFigure, emit } from './bench.js';
import type { Bench, BenchOutput } from './bench.js';
import { percentiles } from './order-latency-stats.js';

const RUNS = Number(process.env['PT_BENCH_COLD_START_RUNS'] ?? 3);
const IDLE_MS = Number(process.env['PT_BENCH_IDLE_MS'] ?? 10_000);
const GATE_OPEN = '"msg":"trading gate open"';
const GATE_TIMEOUT_MS = 60_000;

/** `VmRSS` / `VmHWM` of a /proc/<pid>/status text, in MiB (the kernel writes kB). */
export function procMemoryMiB(status: string, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB$`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`/proc status has no ${field} line`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Resolves with the time (performance.now) the agent's stderr first carried `marker`. */
function whenStderrHas(agent: AgentChild, marker: string, timeoutMs: number): Promise<number> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no ${marker} in ${timeoutMs} ms:\n${agent.stderr()}`)),
      timeoutMs,
    );
    const check = (): void => {
      if (!agent.stderr().includes(marker)) return;
      clearTimeout(timer);
      agent.child.stderr?.off('data', check);
      done(performance.now());
    };
    agent.child.stderr?.on('data', check);
    void agent.exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`agent exited (${code}) before ${marker}:\n${agent.stderr()}`));
    });
    check();
  });
}

interface Run {
  readyMs: number;
  gateOpenMs: number;
  rssMiB: number | null;
  peakMiB: number | null;
}

async function coldStart(venue: { rest: string; ws: string }, idleMs: number): Promise<Run> {
  const dataDir = tempDataDir();
  const startMs = performance.now();
  const agent = spawnCli([
    ...['--port', '0', '--data-dir', dataDir, '--no-tray'],
    ...['--env', 'sim', '--sim-rest', venue.rest, '--sim-ws', venue.ws],
  ]);
  try {
    const gateOpen = whenStderrHas(agent, GATE_OPEN, GATE_TIMEOUT_MS);
    const ready = await waitForReady(agent, GATE_TIMEOUT_MS);
    const readyMs = performance.now() - startMs;
    const gateOpenMs = (await gateOpen) - startMs;
    if (idleMs === 0) return { readyMs, gateOpenMs, rssMiB: null, peakMiB: null };
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const status = readFileSync(`/proc/${ready.pid}/status`, 'utf8');
    return {
      readyMs,
      gateOpenMs,
      rssMiB: procMemoryMiB(status, 'VmRSS'),
      peakMiB: procMemoryMiB(status, 'VmHWM'),
    };
  } finally {
    const stopped = await stopAgent(agent);
    rmSync(dataDir, { recursive: true, force: true });
    if (stopped.code !== 0) process.stderr.write(`cold-start bench: agent exited ${stopped.code}\n`);
  }
}

async function run(): Promise<BenchOutput[]> {
  const sim = await startSimVenue({ seed: 1 });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) runs.push(await coldStart(sim, i === RUNS - 1 ? IDLE_MS : 0));
  } finally {
    await sim.stop();
  }
  const ready = percentiles(runs.map((r) => r.readyMs));
  const gate = percentiles(runs.map((r) => r.gateOpenMs));
  const list = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
  const last = runs.at(-1);
  return [
    agentFigure({
      name: 'cold start to ready line (spawn → API listening)',
      value: Math.round(Number(ready.p50)),
      unit: 'ms',
      note: `median of ${runs.length} fresh data dirs: ${list(runs.map((r) => r.readyMs))} ms; tsx, not the bundle`,
    }),
    agentFigure({
      name: 'cold start to trading gate open (venue reconciled, stream up)',
      value: Math.round(Number(gate.p50)),
      unit: 'ms',
      note: `median of ${runs.length}: ${list(runs.map((r) => r.gateOpenMs))} ms`,
    }),
    agentFigure({
      name: `idle RSS (${(IDLE_MS / 1000).toFixed(0)} s after the gate opened)`,
      value: last?.rssMiB ?? Number.NaN,
      unit: 'MiB',
      note: `peak ${last?.peakMiB ?? '?'} MiB, VmHWM`,
    }),
  ];
}

export const coldStartBench: Bench = { name: 'cold-start', run };

// Run alone: node --import tsx agent/bench/cold-start.bench.ts
if (import.meta.url === `file://${process.argv[1] ?? ''}`) emit(await run());
