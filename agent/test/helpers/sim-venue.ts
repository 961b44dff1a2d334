/**
 * Starts the real Kalshi simulator (`sim/src/main.ts`) as a child process for agent integration
 * tests, with a freshly generated RSA key registered (and funded) for the agent. The agent's own
 * code never imports the simulator: they meet only on the wire, like the agent and Kalshi.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const SimReadyLine = z.object({
  event: z.literal('ready'),
  port: z.number().int().positive(),
  pid: z.number().int().positive(),
  rest: z.string().url(),
  ws: z.string(),
});

export interface SimVenue {
  /** REST base URL, ending in `/trade-api/v2` (no trailing slash). */
  rest: string;
  /** WebSocket URL, `ws://127.0.0.1:PORT/trade-api/ws/v2`. */
  ws: string;
  port: number;
  pid: number;
  /** The agent's API key id on this venue and its private key (as the keychain would hand it over). */
  keyId: string;
  privateKey: KeyObject;
  /** Unsigned call to the simulator's fault/admin API: `admin('/faults/ws/drop', {...})`. */
  admin(path: string, body?: unknown, method?: string): Promise<Response>;
  /** SIGTERM and wait for exit; removes the temp key file. */
  stop(): Promise<void>;
  child: ChildProcess;
}

export interface SimVenueOptions {
  seed?: number;
  tier?: string;
  speed?: number;
  /** Dollars the agent's account starts with (default: the sim's default). */
  balanceDollars?: string;
  /** Keep the weekly Thursday maintenance window (default off, so tests do not depend on the weekday). */
  hasMaintenance?: boolean;
  extraArgs?: string[];
}

export async function startSimVenue(options: SimVenueOptions = {}): Promise<SimVenue> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  const dir = mkdtempSync(join(tmpdir(), 'pt-sim-venue-'));
  const keysFile = join(dir, 'keys.json');
  writeFileSync(
    keysFile,
    JSON.stringify([
      {
        key_id: keyId,
        public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ...(options.balanceDollars === undefined ? {} : { balance_dollars: options.balanceDollars }),
      },
    ]),
    { mode: 0o600 },
  );
  const args = [
    '--import',
    'tsx',
    'sim/src/main.ts',
    '--port',
    '0',
    '--seed',
    String(options.seed ?? 1),
    '--tier',
    options.tier ?? 'basic',
    '--speed',
    String(options.speed ?? 1),
    '--keys',
    keysFile,
    '--maintenance',
    options.hasMaintenance === true ? 'on' : 'off',
    '--log-level',
    'warn',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<z.infer<typeof SimReadyLine>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sim not ready within 60 s; stderr: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(SimReadyLine.parse(JSON.parse(line)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sim exited (${code}) before ready; stderr: ${stderr}`));
    });
  });
  const adminBase = `http://127.0.0.1:${ready.port}/_sim`;
  return {
    rest: ready.rest,
    ws: ready.ws,
    port: ready.port,
    pid: ready.pid,
    keyId,
    privateKey,
    child,
    admin: (path, body, method = 'POST') =>
      fetch(`${adminBase}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
