import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const ReadyLine = z.object({
  event: z.literal('ready'),
  port: z.int(),
  pid: z.int(),
  rest: z.string().endsWith('/trade-api/v2'),
  ws: z.string(),
});
export type ReadyLine = z.infer<typeof ReadyLine>;

export interface RunningSimProcess {
  ready: ReadyLine;
  /** Loopback origin, e.g. http://127.0.0.1:PORT (for `/_sim` admin calls). */
  origin: string;
  stop(): Promise<void>;
}

/** Starts the real sim CLI (`node --import tsx sim/src/main.ts`) and waits for its ready line. */
export async function startSimProcess(
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<RunningSimProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    // No weekly maintenance window: these tests place orders on whatever day CI runs.
    ['--import', 'tsx', 'sim/src/main.ts', '--port', '0', '--maintenance', 'off', ...args],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('sim stdout not piped');
  const ready = await new Promise<ReadyLine>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`sim not ready after ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`sim exited with ${String(code)} before ready: ${stderr}`)),
    );
    const lines = createInterface({ input: stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const parsed = ReadyLine.safeParse(JSON.parse(line));
      if (parsed.success) resolveReady(parsed.data);
      else reject(new Error(`bad ready line: ${line}`));
    });
  });
  return {
    ready,
    origin: new URL(ready.rest).origin,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
