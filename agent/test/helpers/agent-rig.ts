/**
 * A vitest-free rig (the crash tests and the chaos suite share it): ONE real simulator that
 * outlives the agent, and the REAL agent process (agent/src/cli.ts) on `--env sim`, started,
 * SIGKILLed and restarted on the same data dir. The device token is paired once (it survives
 * restarts). The venue is read as the agent's own sim account (its key file in the data dir) and a
 * second funded account crosses its orders. Failures throw plain errors, so it runs outside vitest.
 */
import type { KeyObject } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { OrderList, TradingState, countE2, priceE4, type MarketTicker, type Order } from '@pt/protocol';
import { ContractMonitor } from '../../src/connectors/kalshi/contract/contract-monitor.js';
import { KalshiHttp } from '../../src/connectors/kalshi/http/index.js';
import type { VenueOrder } from '../../src/connectors/kalshi/http/index.js';
import { TokenBucketLimiter } from '../../src/connectors/kalshi/rate-limit/index.js';
import { loadOrCreateSimKey } from '../../src/venue/sim-key.js';
import { callAgent, pairDevice } from './agent-api.js';
import { startSimVenue, type SimVenue } from './sim-venue.js';
import {
  killIfRunning,
  spawnCli,
  tempDataDir,
  waitForReady,
  type AgentChild,
} from '../process/spawn-agent.js';

export const silent = pino({ level: 'silent' });

export interface RunningAgent {
  agent: AgentChild;
  origin: string;
}

export function venueClient(
  baseUrl: string,
  credentials: { keyId: string; privateKey: KeyObject },
): KalshiHttp {
  return new KalshiHttp({
    baseUrl,
    credentials,
    limiter: new TokenBucketLimiter(),
    contract: new ContractMonitor(Date.now),
    logger: silent,
  });
}

export class AgentRig {
  readonly dataDir = tempDataDir();
  token = '';
  running: RunningAgent | undefined;
  /** The WS URL every launch passes (the simulator's, or a forwarder in front of it). */
  wsUrl: string;

  /** Fixed across restarts: a paired device's token is bound to the agent's origin (its port). */
  constructor(
    readonly sim: SimVenue,
    readonly port: number,
    /** Flags added to every launch (e.g. `--vibe-url`, `--vibe-key-file`). */
    private readonly extraArgs: readonly string[] = [],
  ) {
    this.wsUrl = sim.ws;
  }

  static async start(seed: number, extraArgs: readonly string[] = []): Promise<AgentRig> {
    return new AgentRig(await startSimVenue({ seed }), await freePort(), extraArgs);
  }

  /** Starts the agent on the rig's data dir (pairing a device on the first start). */
  async launch(restUrl: string = this.sim.rest, wsUrl: string = this.wsUrl): Promise<RunningAgent> {
    const agent = spawnCli([
      '--port',
      String(this.port),
      '--data-dir',
      this.dataDir,
      '--env',
      'sim',
      '--sim-rest',
      restUrl,
      '--sim-ws',
      wsUrl,
      ...this.extraArgs,
    ]);
    const ready = await waitForReady(agent);
    this.running = { agent, origin: ready.url };
    if (this.token === '')
      ({ token: this.token } = await pairDevice({ dataDir: this.dataDir, origin: ready.url }));
    await this.waitForActive();
    return this.running;
  }

  /** SIGKILL: no signal handler runs, nothing is flushed or canceled. */
  async kill(): Promise<void> {
    const agent = this.running?.agent;
    if (agent === undefined) return;
    agent.child.kill('SIGKILL');
    const { signal } = await agent.exited;
    if (signal !== 'SIGKILL') throw new Error(`the agent exited by ${signal ?? 'itself'}, not SIGKILL`);
    this.running = undefined;
  }

  /** SIGTERM: the orderly stop; the exit code. */
  async terminate(): Promise<number | null> {
    const agent = this.running?.agent;
    if (agent === undefined) return null;
    agent.child.kill('SIGTERM');
    const { code } = await agent.exited;
    this.running = undefined;
    return code;
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    if (this.running === undefined) throw new Error('agent not running');
    return callAgent(this.running.origin, this.token, method, path, body);
  }

  async orders(): Promise<Order[]> {
    const res = await this.call('GET', '/v1/orders');
    if (res.status !== 200) throw new Error(`GET /v1/orders answered ${res.status}: ${await res.text()}`);
    return OrderList.parse(await res.json()).orders;
  }

  async order(clientOrderId: string): Promise<Order | undefined> {
    return (await this.orders()).find((order) => order.clientOrderId === clientOrderId);
  }

  /** The agent's own account on the sim (its key is in the data dir after the first start). */
  agentAccount(): KalshiHttp {
    return venueClient(this.sim.rest, loadOrCreateSimKey(this.dataDir));
  }

  /** Another funded account on the same sim (the key the rig's simulator was started with). */
  otherAccount(): KalshiHttp {
    return venueClient(this.sim.rest, { keyId: this.sim.keyId, privateKey: this.sim.privateKey });
  }

  /** Every venue order of the agent's account carrying this client order id. */
  async venueOrders(clientOrderId: string): Promise<VenueOrder[]> {
    const page = await this.agentAccount().getOrders({ limit: 1000 });
    return page.items.filter((order) => order.clientOrderId === clientOrderId);
  }

  async waitForActive(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = TradingState.parse(await (await this.call('GET', '/v1/trading-state')).json());
      if (state.mode === 'active') return;
      if (Date.now() > deadline) throw new Error(`trading never became active: ${state.reason}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** An open weather market whose YES spread is at least two ticks, with its best bid and ask. */
  async spreadMarket(): Promise<{ ticker: MarketTicker; bestBidE4: number; bestAskE4: number }> {
    const http = this.otherAccount();
    const markets = await http.getMarkets({ status: 'open', limit: 200 });
    for (const market of markets.items.filter((m) => m.ticker.startsWith('KXHIGHNY'))) {
      const book = await http.getOrderbook(market.ticker);
      const bestBidE4 = Math.max(0, ...book.yesBids.map((level) => level.priceE4));
      const bestAskE4 = 10_000 - Math.max(0, ...book.noBids.map((level) => level.priceE4));
      if (bestBidE4 > 0 && bestAskE4 < 10_000 && bestAskE4 - bestBidE4 >= 200)
        return { ticker: market.ticker, bestBidE4, bestAskE4 };
    }
    throw new Error('no open KXHIGHNY market with a two-tick spread');
  }

  /**
   * The other account sells one contract into our bid at `bidE4`: an IOC ask at that price for
   * every contract bid above it plus one, so ours (1 contract) fills.
   */
  async sellIntoBid(ticker: MarketTicker, bidE4: number): Promise<void> {
    const other = this.otherAccount();
    const book = await other.getOrderbook(ticker);
    const above = book.yesBids.filter((level) => level.priceE4 > bidE4).reduce((n, l) => n + l.countE2, 0);
    await other.createOrder({
      ticker,
      clientOrderId: `other-${Date.now()}`,
      side: 'ask',
      priceE4: priceE4(bidE4),
      countE2: countE2(above + 100),
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'taker_at_cross',
    });
  }

  async close(): Promise<void> {
    killIfRunning(this.running?.agent);
    await this.sim.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Polls until `read` gives a value (or throws after the timeout). */
export async function eventually<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port free right now on loopback (the agent binds it on every start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
