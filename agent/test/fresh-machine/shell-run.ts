/**
 * A command line run the way a user runs it in a terminal: `bash -c COMMAND` as the leader of its
 * own process group, output captured, and Ctrl-C delivered the way a terminal delivers it (SIGINT
 * to the whole foreground group). Vitest-free: `scripts/screenshot.ts` uses it too.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ShellRun {
  readonly child: ChildProcess;
  /** The group's id (the shell's pid). */
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<Exit>;
  /** The first match of `pattern` in stdout + stderr; rejects on timeout or if the shell exits first. */
  waitForOutput(pattern: RegExp, what: string, timeoutMs: number): Promise<RegExpExecArray>;
  /** Ctrl-C: SIGINT to the whole group, then wait (up to `timeoutMs`) for the shell to exit. */
  interrupt(timeoutMs: number): Promise<Exit>;
  /** SIGKILL to the group (cleanup after a failure); no-op once it has exited. */
  kill(): void;
}

export function runInShell(command: string, options: { cwd: string; env: NodeJS.ProcessEnv }): ShellRun {
  const child = spawn('bash', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start: ${command}`);
  const pid = child.pid;
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let hasExited = false;
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  const tail = (): string =>
    `\n--- stdout (tail) ---\n${out.slice(-3000)}\n--- stderr (tail) ---\n${err.slice(-3000)}`;

  const waitForOutput = async (
    pattern: RegExp,
    what: string,
    timeoutMs: number,
  ): Promise<RegExpExecArray> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(out) ?? pattern.exec(err);
      if (match !== null) return match;
      if (hasExited) throw new Error(`\`${command}\` exited before ${what}${tail()}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms${tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const interrupt = async (timeoutMs: number): Promise<Exit> => {
    if (!hasExited) process.kill(-pid, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`still running ${timeoutMs} ms after Ctrl-C${tail()}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const kill = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  };

  return { child, pid, stdout: () => out, stderr: () => err, exited, waitForOutput, interrupt, kill };
}

/** Whether a process with this pid still exists (a zombie, exited but not yet reaped, counts as gone). */
export function isAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // `pid (comm) state …`: comm may hold spaces and parentheses, so read after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}
