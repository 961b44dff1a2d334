/**
 * Shared by the keychain tests, which use the real OS keychain: on Linux a Secret Service in the
 * throwaway D-Bus session of scripts/with-keyring.sh (`npm run test:unit` runs vitest inside it).
 * Without one the tests FAIL with instructions; they never skip and never fake the keychain.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKeychainCredentialsStore } from '../../src/keychain/index.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const CLI = join(REPO_ROOT, 'agent', 'src', 'cli.ts');

export function tempDir(prefix = 'pt-keychain-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let hasKeychain = false;

/**
 * For `beforeEach`: throws (failing each test, never skipping it) unless a keychain stores,
 * returns and deletes a secret; probes until it once succeeds.
 */
export async function requireKeychain(): Promise<void> {
  if (hasKeychain) return;
  const probe = await openKeychainCredentialsStore(tempDir()).probe();
  if (!probe.available) {
    throw new Error(
      `no OS keychain answers, so the keychain tests cannot run: ${probe.detail}\n` +
        'Run them through scripts/with-keyring.sh (npm run test:unit does), after scripts/setup-test.sh.',
    );
  }
  hasKeychain = true;
}

/** A minimal child environment that still reaches this session's Secret Service (if any). */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: tempDir('pt-home-') };
  const bus = process.env['DBUS_SESSION_BUS_ADDRESS'];
  if (bus !== undefined) env['DBUS_SESSION_BUS_ADDRESS'] = bus;
  return { ...env, ...extra };
}

/** The environment of a child that can reach no keychain: its session bus is a dead socket. */
export function deadBusEnv(): Record<string, string> {
  return childEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tempDir(), 'no-bus.sock')}` });
}

export interface TestKey {
  keyId: string;
  pem: string;
  privateKey: KeyObject;
  publicKeyPem: string;
  /** Runs of the PEM's base64 body and of its DER in base64: none may appear outside the keychain. */
  markers: string[];
}

export function makeTestKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const markers: string[] = [];
  for (let at = 0; at + 24 <= body.length; at += 48) markers.push(body.slice(at, at + 24));
  return {
    keyId: randomUUID(),
    pem,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    markers,
  };
}

/** Markers of `key` found in `text` (the test asserts this is empty). */
export function leakedMarkers(key: TestKey, text: string): string[] {
  return key.markers.filter((marker) => text.includes(marker));
}

/** Every file under `dir`, with its content as text (binary files as latin1, so base64 runs still match). */
export function readTree(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) out.push(...readTree(file));
    else out.push({ file, text: readFileSync(file).toString('latin1') });
  }
  return out;
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx SCRIPT ARGS` from the repo root, with `stdin` written and closed. */
export function runNode(
  script: string,
  args: readonly string[],
  options: { env: Record<string, string>; stdin?: string; timeoutMs?: number },
): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} ${args.join(' ')} did not exit in time; stderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** `pt-agent keys …` as a real child process. */
export function runKeysCli(
  args: readonly string[],
  options: { env: Record<string, string>; stdin?: string },
): Promise<ChildResult> {
  return runNode(CLI, ['keys', ...args], options);
}
