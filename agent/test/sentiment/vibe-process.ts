/**
 * Starts the real Omni-Vibe service (`vibe/src/main.ts`) as a child process for agent tests, on
 * the bundled real feeds, with a fresh API key. The agent never imports vibe: they meet on the
 * wire. `pause()` / `resume()` (SIGSTOP / SIGCONT) make it stop answering without closing its
 * socket, the way a hung cloud box looks to a client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const VibeReadyLine = z.object({
  event: z.literal('ready'),
  port: z.number().int().positive(),
  pid: z.number().int().positive(),
  url: z.string().url(),
});

export interface VibeProcess {
  url: string;
  pid: number;
  apiKey: string;
  child: ChildProcess;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startVibe(extraArgs: string[] = []): Promise<VibeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-vibe-'));
  const apiKey = randomBytes(24).toString('hex');
  const keysFile = join(dir, 'keys.json');
  writeFileSync(keysFile, JSON.stringify([{ id: 'agent-test', key: apiKey }]), { mode: 0o600 });
  const args = ['--import', 'tsx', 'vibe/src/main.ts', '--port', '0', '--keys', keysFile];
  args.push('--db', join(dir, 'vibe.sqlite'), '--log-level', 'warn', ...extraArgs);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<z.infer<typeof VibeReadyLine>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`vibe not ready within 60 s; stderr: ${stderr}`)),
      60_000,
    );
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(VibeReadyLine.parse(JSON.parse(line)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vibe exited (${code}) before ready; stderr: ${stderr}`));
    });
  });
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  return {
    url: ready.url,
    pid: ready.pid,
    apiKey,
    child,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    stop: async () => {
      if (isAlive()) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
