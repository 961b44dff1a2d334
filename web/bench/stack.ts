/**
 * The system under load: the REAL simulator (replaying the recorded data at `speed`×) and the REAL
 * agent process on `--env sim` against it, with web/dist built if missing. Devices are paired the
 * way a person does it (`pt-agent pair`, then `POST /v1/pair` from the agent's origin).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PairResponse } from '@pt/protocol';
import { startSimVenue } from '../../agent/test/helpers/sim-venue.js';
import type { SimVenue } from '../../agent/test/helpers/sim-venue.js';
import {
  killIfRunning,
  spawnCli,
  startAgent,
  stopAgent,
  tempDataDir,
} from '../../agent/test/process/spawn-agent.js';
import type { AgentChild } from '../../agent/test/process/spawn-agent.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

export interface Stack {
  readonly sim: SimVenue;
  readonly agent: AgentChild;
  readonly dataDir: string;
  /** `http://127.0.0.1:PORT`, the agent's canonical origin. */
  readonly origin: string;
  readonly wsUrl: string;
  stop(): Promise<void>;
}

/** `vite build` into web/dist unless a build is there (production mode: service worker, React prod). */
export function ensureWebDist(): boolean {
  if (existsSync(join(WEB_DIST, 'index.html'))) return false;
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    },
  );
  return true;
}

export async function startStack(speed: number): Promise<Stack> {
  const sim = await startSimVenue({ speed });
  const dataDir = tempDataDir();
  let started: Awaited<ReturnType<typeof startAgent>>;
  try {
    started = await startAgent(dataDir, [
      '--env',
      'sim',
      '--sim-rest',
      sim.rest,
      '--sim-ws',
      sim.ws,
      '--no-tray',
    ]);
  } catch (err) {
    await sim.stop();
    throw err;
  }
  const { agent, ready } = started;
  return {
    sim,
    agent,
    dataDir,
    origin: ready.url,
    wsUrl: `ws://127.0.0.1:${ready.port}/v1/stream`,
    stop: async () => {
      const stopping = stopAgent(agent);
      const timer = setTimeout(() => killIfRunning(agent), 10_000);
      await stopping;
      clearTimeout(timer);
      await sim.stop();
    },
  };
}

/** A fresh pairing link from `pt-agent pair` (`http://127.0.0.1:PORT/pair#CODE`). */
export async function pairLink(stack: Stack): Promise<{ url: string; code: string }> {
  const cli = spawnCli(['pair', '--data-dir', stack.dataDir]);
  const { code } = await cli.exited;
  const match = /open (http:\/\/127\.0\.0\.1:\d+\/pair#([0-9A-Z]{4}-[0-9A-Z]{4}))\n/.exec(cli.stdout());
  if (code !== 0 || match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`pt-agent pair failed (${code}): ${cli.stdout()}${cli.stderr()}`);
  }
  return { url: match[1], code: match[2] };
}

/** A device token for a plain client, paired from the agent's own origin. */
export async function pairToken(stack: Stack, deviceName: string): Promise<string> {
  const { code } = await pairLink(stack);
  const res = await fetch(`${stack.origin}/v1/pair`, {
    method: 'POST',
    headers: { origin: stack.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${text}`);
  return PairResponse.parse(JSON.parse(text)).token;
}

/** The simulator's open markets (tickers), weather brackets and games first: they replay fastest. */
export async function openTickers(stack: Stack): Promise<string[]> {
  const res = await fetch(`${stack.sim.rest}/markets?status=open&limit=1000`);
  const { markets } = (await res.json()) as { markets: { ticker: string }[] };
  const rank = (t: string): number => (t.startsWith('KXHIGHNY') ? 0 : t.startsWith('KXNBAGAME') ? 1 : 2);
  return markets.map((m) => m.ticker).sort((a, b) => rank(a) - rank(b));
}
