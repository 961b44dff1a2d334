/**
 * The paired API of a REAL agent process, without vitest (e2e tests and the chaos suite share it):
 * `pt-agent` subcommands as child processes, pairing a device like the pairing page does, and
 * bearer calls from the agent's own origin.
 */
import { PairResponse } from '@pt/protocol';
import { spawnCli } from '../process/spawn-agent.js';

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
  agent: { dataDir: string; origin: string },
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
