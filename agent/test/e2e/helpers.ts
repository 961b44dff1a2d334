/**
 * Shared by the end-to-end security tests: the REAL agent process (agent/src/cli.ts as a child) on
 * `--env sim` against the REAL simulator, the `pt-agent` subcommands as child processes, and `ws`
 * clients over loopback. Nothing of the agent is faked or imported in-process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startSimVenue } from '../helpers/sim-venue.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { killIfRunning, startAgent, stopAgent, tempDataDir } from '../process/spawn-agent.js';
import type { AgentChild, ReadyLine } from '../process/spawn-agent.js';
import { callAgent, pairCli, pairDevice, postPair, runCli, type CliResult } from '../helpers/agent-api.js';

export { callAgent, pairCli, pairDevice, postPair, runCli, type CliResult };

export async function waitFor(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface SimAgent {
  agent: AgentChild;
  ready: ReadyLine;
  dataDir: string;
  /** The agent's canonical origin (`http://127.0.0.1:PORT`), the one its pairing page is served from. */
  origin: string;
  wsUrl: string;
  sim: SimVenue | undefined;
  /** SIGTERM the agent (expects exit 0), then the simulator. */
  stop(): Promise<void>;
  /** SIGKILL whatever still runs (afterAll after a failure). */
  kill(): Promise<void>;
}

/** A real simulator (unless `withSim` is false) and a real agent on `--env sim` connected to it. */
export async function startSimAgent(
  options: { withSim?: boolean; extraArgs?: string[]; dataDir?: string } = {},
): Promise<SimAgent> {
  const sim = options.withSim === false ? undefined : await startSimVenue();
  const dataDir = options.dataDir ?? tempDataDir();
  const venue = sim === undefined ? [] : ['--env', 'sim', '--sim-rest', sim.rest, '--sim-ws', sim.ws];
  let started: { agent: AgentChild; ready: ReadyLine };
  try {
    started = await startAgent(dataDir, [...venue, ...(options.extraArgs ?? [])]);
  } catch (err) {
    await sim?.stop();
    throw err;
  }
  const { agent, ready } = started;
  return {
    agent,
    ready,
    dataDir,
    origin: ready.url,
    wsUrl: `ws://127.0.0.1:${ready.port}/v1/stream`,
    sim,
    stop: async () => {
      const stopped = await stopAgent(agent);
      await sim?.stop();
      expect(stopped.code, agent.stderr()).toBe(0);
    },
    kill: async () => {
      killIfRunning(agent);
      await sim?.stop();
    },
  };
}

/** Every regular file under `dir`, with its bytes. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory() === true) out.push(...filesUnder(file));
    else if (stat?.isFile() === true) out.push({ file, bytes: readFileSync(file) });
  }
  return out;
}

/** `mode path` of every file not 0600 and every directory not 0700 under `dir` (itself included). */
export function looseModes(dir: string): string[] {
  const mode = statSync(dir).mode & 0o777;
  const loose = mode === 0o700 ? [] : [`${mode.toString(8)} ${dir}`];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory() === true) loose.push(...looseModes(path));
    else if (stat !== undefined && (stat.mode & 0o777) !== 0o600)
      loose.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
  }
  return loose;
}

/** The pids whose parent (transitively) is `pid`, from /proc/<pid>/stat. */
export function descendantPids(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // The process ended while listing.
    }
  }
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([child]) => child);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** `/proc/<pid>/<file>` (cmdline, environ), empty when the process is gone. */
export function procFile(pid: number, file: 'cmdline' | 'environ'): Buffer {
  try {
    return readFileSync(`/proc/${pid}/${file}`);
  } catch {
    return Buffer.alloc(0);
  }
}
