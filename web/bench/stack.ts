/**
 * The system under load: the REAL simulator and the REAL agent process on `--env sim` against it,
 * with web/dist built if missing. The load source is the simulator's `--churn N` load generation
 * (the recorded quote paths of 540 markets walked at N book changes/s; PT_WEB_BENCH_CHURN, default
 * 10,000), or with PT_WEB_BENCH_CHURN=0 the plain replay at `speed`× (which tops out near 160
 * updates/s: the recordings are sparse). Devices are paired the way a person does it (`pt-agent
 * pair`, then `POST /v1/pair` from the agent's origin).
 */
import { PairResponse } from '@pt/protocol';
import { z } from 'zod';
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

/** The simulator's periodic churn log line (sim/src/churn/churn-player.ts). */
export const SimChurnLine = z.object({
  updatesPerS: z.number(),
  askedPerS: z.number(),
  skipped: z.number(),
});
export type SimChurnLine = z.infer<typeof SimChurnLine>;

export { ensureWebDist, REPO_ROOT, WEB_DIST } from '../../scripts/web-dist.js';

export interface Stack {
  readonly sim: SimVenue;
  readonly agent: AgentChild;
  readonly dataDir: string;
  /** `http://127.0.0.1:PORT`, the agent's canonical origin. */
  readonly origin: string;
  readonly wsUrl: string;
  /** The load source, as the bench should print it ("sim --churn 10000 (load generation …)"). */
  readonly load: string;
  /** The simulator's latest churn report (book changes/s it made), null before one or without churn. */
  simChurn(): SimChurnLine | null;
  /** Pauses the sim's churn load generation (SIGUSR2), e.g. before Lighthouse; again resumes it. */
  toggleLoad(): void;
  stop(): Promise<void>;
}

/** `vite build` into web/dist unless a build is there (production mode: service worker, React prod). */

/** Book changes per second asked of the simulator's churn load generation; 0 = replay at `speed`×. */
export const CHURN_PER_S = Number(process.env['PT_WEB_BENCH_CHURN'] ?? '10000');

export async function startStack(speed: number): Promise<Stack> {
  const isChurn = CHURN_PER_S > 0;
  const sim = await startSimVenue(
    isChurn ? { speed: 1, extraArgs: ['--churn', String(CHURN_PER_S), '--log-level', 'info'] } : { speed },
  );
  let simChurn: SimChurnLine | null = null;
  sim.child.stderr?.on('data', (chunk: Buffer) => {
    for (const text of chunk.toString('utf8').split('\n')) {
      if (!text.includes('"msg":"churn"')) continue;
      try {
        const parsed = SimChurnLine.safeParse(JSON.parse(text));
        if (parsed.success) simChurn = parsed.data;
      } catch {
        // A line cut at a chunk boundary: the next report comes in 5 s.
      }
    }
  });
  const load = isChurn
    ? `sim --churn ${CHURN_PER_S} (load generation: recorded quote paths, one ladder level per change)`
    : `sim --speed ${speed} (replay of the recorded data)`;
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
    load,
    simChurn: () => simChurn,
    toggleLoad: () => {
      if (isChurn) process.kill(sim.pid, 'SIGUSR2');
    },
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
