import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { KeyObject } from 'node:crypto';
import WebSocket from 'ws';
import { z } from 'zod';
import { makeTestKey } from '../../src/auth/test-keys.js';
import { signRequest } from '../../src/auth/sign-request.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const readyLineSchema = z.object({
  event: z.literal('ready'),
  port: z.number().int().positive(),
  pid: z.number().int().positive(),
  rest: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2$/),
  ws: z.string().regex(/^ws:\/\/127\.0\.0\.1:\d+\/trade-api\/ws\/v2$/),
});
export type ReadyLine = z.infer<typeof readyLineSchema>;

export interface RunningSimProcess {
  ready: ReadyLine;
  child: ChildProcess;
  keyId: string;
  privateKey: KeyObject;
  /** Everything the process printed on stdout (must be the ready line only). */
  stdoutLines: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Signed fetch against the Kalshi REST API (path relative to `/trade-api/v2`). */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  /** Unsigned call to the admin API (`/_sim/...`). */
  admin(path: string, body?: unknown, method?: string): Promise<Response>;
  /** Signed WebSocket connection; resolves once open. */
  connectWs(): Promise<WebSocket>;
}

/** Starts the real sim process exactly as users do (`node --import tsx sim/src/main.ts`). */
export async function startSim(extraArgs: string[] = []): Promise<RunningSimProcess> {
  const key = makeTestKey('itest-key');
  const dir = mkdtempSync(join(tmpdir(), 'sim-itest-'));
  const keysFile = join(dir, 'keys.json');
  writeFileSync(keysFile, JSON.stringify([key.entry]));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sim/src/main.ts',
      '--port',
      '0',
      '--seed',
      '1',
      '--keys',
      keysFile,
      '--log-level',
      'warn',
      // Order tests must not depend on the weekday they run (Thursday 03:00–05:00 ET pauses trading).
      '--maintenance',
      'off',
      ...extraArgs,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdoutLines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const ready = await new Promise<ReadyLine>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`sim not ready in time; stderr: ${stderr}`)), 60_000);
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length === 1) {
        clearTimeout(timer);
        resolveReady(readyLineSchema.parse(JSON.parse(line)));
      }
    });
    child.once('exit', (code) => reject(new Error(`sim exited (${code}) before ready; stderr: ${stderr}`)));
  });
  const base = `http://127.0.0.1:${ready.port}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    ready,
    child,
    keyId: key.entry.key_id,
    privateKey: key.privateKey,
    stdoutLines,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    api: (method, path, body) =>
      fetch(`${ready.rest}${path}`, {
        method,
        headers: {
          ...signRequest(key.entry.key_id, key.privateKey, method, `/trade-api/v2${path}`, Date.now()),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    admin: (path, body, method = 'POST') =>
      fetch(`${base}/_sim${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    connectWs: () =>
      new Promise<WebSocket>((resolveWs, reject) => {
        const ws = new WebSocket(ready.ws, {
          headers: signRequest(key.entry.key_id, key.privateKey, 'GET', '/trade-api/ws/v2', Date.now()),
        });
        ws.once('open', () => resolveWs(ws));
        ws.once('error', reject);
      }),
  };
}

/** Collects parsed frames from a socket; `next(pred)` waits for the first matching frame. */
export function frameCollector(ws: WebSocket) {
  const frames: Record<string, unknown>[] = [];
  const waiters: {
    pred: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.pred(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  return {
    frames,
    next: (pred: (f: Record<string, unknown>) => boolean, timeoutMs = 10_000) =>
      new Promise<Record<string, unknown>>((resolveFrame, reject) => {
        const found = frames.find(pred);
        if (found) return resolveFrame(found);
        const timer = setTimeout(() => reject(new Error('frame not received in time')), timeoutMs);
        waiters.push({
          pred,
          resolve: (f) => {
            clearTimeout(timer);
            resolveFrame(f);
          },
        });
      }),
  };
}
