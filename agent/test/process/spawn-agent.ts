import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const CLI = join(REPO_ROOT, 'agent', 'src', 'cli.ts');

export const ReadyLine = z.strictObject({
  event: z.literal('ready'),
  port: z.int().min(1).max(65535),
  pid: z.int().min(1),
  version: z.string().min(1),
  protocolVersion: z.int().min(1),
  url: z.string(),
});
export type ReadyLine = z.infer<typeof ReadyLine>;

export interface AgentChild {
  child: ChildProcess;
  /** Everything written to stdout / stderr so far. */
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'pt-agent-test-'));
}

/** The test run's D-Bus session (scripts/with-keyring.sh), so the agent reaches the same keychain. */
function sessionBus(): Record<string, string> {
  const address = process.env['DBUS_SESSION_BUS_ADDRESS'];
  return address === undefined ? {} : { DBUS_SESSION_BUS_ADDRESS: address };
}

/**
 * The real agent as a child process, exactly as `npm run agent` starts it. The environment is
 * minimal so a developer's PT_* variables cannot change what a test sees.
 */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): AgentChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: tempDataDir(), ...sessionBus(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolve with the parsed ready line, or reject with the child's stderr if it exits first. */
export async function waitForReady(agent: AgentChild, timeoutMs = 20_000): Promise<ReadyLine> {
  const line = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no ready line in ${timeoutMs} ms:\n${agent.stderr()}`)),
      timeoutMs,
    );
    const check = (): void => {
      const newline = agent.stdout().indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        done(agent.stdout().slice(0, newline));
      }
    };
    agent.child.stdout?.on('data', check);
    void agent.exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`agent exited (${code}) before ready:\n${agent.stderr()}`));
    });
    check();
  });
  return ReadyLine.parse(JSON.parse(line));
}

export async function startAgent(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ agent: AgentChild; ready: ReadyLine }> {
  const agent = spawnCli(['--port', '0', '--data-dir', dataDir, ...extraArgs]);
  return { agent, ready: await waitForReady(agent) };
}

/** SIGTERM, then the exit status and how long the exit took. */
export async function stopAgent(
  agent: AgentChild,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; elapsedMs: number }> {
  const startedAtMs = Date.now();
  agent.child.kill('SIGTERM');
  const status = await agent.exited;
  return { ...status, elapsedMs: Date.now() - startedAtMs };
}

/** Kill a child still running when a test fails half-way. */
export function killIfRunning(agent: AgentChild | undefined): void {
  if (agent !== undefined && agent.child.exitCode === null && agent.child.signalCode === null) {
    agent.child.kill('SIGKILL');
  }
}
