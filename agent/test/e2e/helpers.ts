/**
 * Shared by the end-to-end security tests: the REAL agent process (agent/src/cli.ts as a child) on
 * `--env sim` against the REAL simulator, the `pt-agent` subcommands as child processes, and `ws`
 * clients over loopback. Nothing of the agent is faked or imported in-process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PairResponse } from '@pt/protocol';
import { startSimVenue } from '../helpers/sim-venue.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { killIfRunning, spawnCli, startAgent, stopAgent, tempDataDir } from '../process/spawn-agent.js';
import type { AgentChild, ReadyLine } from '../process/spawn-agent.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `pt-agent ARGS` as a child process (same minimal env and session bus as the agent); waits for its exit. */
export async function runCli(args: readonly string[], timeoutMs = 30_000): Promise<CliResult> {
  const cli = spawnCli(args);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  const { code } = await cli.exited;
  clearTimeout(timer);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

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

/** `pt-agent pair --data-dir D`: the URL it printed and the code in its fragment. */
export async function pairCli(dataDir: string): Promise<{ output: CliResult; url: string; code: string }> {
  const result = await runCli(['pair', '--data-dir', dataDir]);
  const match = /open (http:\/\/127\.0\.0\.1:\d+\/pair#([0-9A-Z]{4}-[0-9A-Z]{4}))\n/.exec(result.stdout);
  if (result.code !== 0 || match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`pt-agent pair failed (${result.code}): ${result.stdout}${result.stderr}`);
  }
  return { output: result, url: match[1], code: match[2] };
}

/** `POST /v1/pair` from `origin`. */
export function postPair(origin: string, code: string, deviceName = 'e2e browser'): Promise<Response> {
  return fetch(`${origin}/v1/pair`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
}

/** A fresh code from the CLI, redeemed like the pairing page does: the token and device id. */
export async function pairDevice(
  agent: Pick<SimAgent, 'dataDir' | 'origin'>,
  deviceName = 'e2e browser',
): Promise<PairResponse & { code: string }> {
  const { code } = await pairCli(agent.dataDir);
  const res = await postPair(agent.origin, code, deviceName);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${text}`);
  return { ...PairResponse.parse(JSON.parse(text)), code };
}

/** fetch against the agent from its own origin, with a bearer token unless `token` is null. */
export function callAgent(
  origin: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method,
    headers: {
      origin,
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
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
