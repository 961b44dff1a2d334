/**
 * One real agent process on `--env sim` against a real simulator for a whole test file, paired
 * like a browser: registers its own beforeAll/afterAll and gives the file a caller and the waits
 * every order-placing e2e needs (trading active after reconciliation, an open market of the replay).
 */
import { afterAll, beforeAll } from 'vitest';
import { TradingState } from '@pt/protocol';
import type { SimAgent } from './helpers.js';
import { callAgent, pairDevice, startSimAgent } from './helpers.js';

export interface PairedSimAgent {
  agent: () => SimAgent;
  token: () => string;
  /** The simulator's REST base URL (`…/trade-api/v2`). */
  simRest: () => string;
  call: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** Resolves once the effective trading state is `active` (the gate opens after reconciliation). */
  waitForActive: (timeoutMs?: number) => Promise<void>;
  /** The first open market of the replay whose ticker starts with `prefix`. */
  openMarket: (prefix?: string) => Promise<string>;
}

export function usePairedSimAgent(): PairedSimAgent {
  let running: SimAgent | undefined;
  let token = '';
  beforeAll(async () => {
    running = await startSimAgent();
    ({ token } = await pairDevice(running));
  }, 90_000);
  afterAll(async () => {
    await running?.stop();
  }, 30_000);

  const agent = (): SimAgent => {
    if (running === undefined) throw new Error('agent not started');
    return running;
  };
  const simRest = (): string => {
    const sim = agent().sim;
    if (sim === undefined) throw new Error('no simulator');
    return sim.rest;
  };
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    callAgent(agent().origin, token, method, path, body);
  return {
    agent,
    token: () => token,
    simRest,
    call,
    waitForActive: async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = TradingState.parse(await (await call('GET', '/v1/trading-state')).json());
        if (state.mode === 'active') return;
        if (Date.now() > deadline) throw new Error(`trading never became active: ${state.reason}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    openMarket: async (prefix = 'KXHIGHNY') => {
      const res = await fetch(`${simRest()}/markets?status=open&limit=200`);
      const { markets } = (await res.json()) as { markets: { ticker: string }[] };
      const market = markets.find((m) => m.ticker.startsWith(prefix));
      if (market === undefined) throw new Error(`the sim serves no open ${prefix} market`);
      return market.ticker;
    },
  };
}
