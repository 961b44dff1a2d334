/**
 * What every scenario gets: ONE real simulator, ONE real vibe and the REAL agent process (started
 * with `--vibe-url`/`--vibe-key-file` like `npm start` does), reused across scenarios; the agent
 * may be SIGKILLed and relaunched on its data dir. Plus the calls scenarios share.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradingState, type MarketTicker, type Order } from '@pt/protocol';
import type { KalshiHttp } from '../src/connectors/kalshi/http/index.js';
import { AgentRig, eventually } from '../test/helpers/agent-rig.js';
import { startWsCutProxy, type WsCutProxy } from '../test/helpers/ws-cut-proxy.js';
import { startVibe, type VibeProcess } from '../test/sentiment/vibe-process.js';
import { BalanceHistory } from './invariants/balance-history.js';
import { HaltMonitor } from './invariants/halt-monitor.js';

export { eventually };

export class ChaosContext {
  readonly monitor: HaltMonitor;
  readonly balances: BalanceHistory;
  private sequence = 0;

  private constructor(
    readonly rig: AgentRig,
    readonly vibe: VibeProcess,
    /** The agent's WS goes through it: `wsProxy.cut()` holds a disconnect as long as needed. */
    readonly wsProxy: WsCutProxy,
    private readonly keyDir: string,
  ) {
    this.monitor = new HaltMonitor((method, path) => this.call(method, path));
    this.balances = new BalanceHistory(async () => (await this.venue().getBalance()).balanceE6);
  }

  static async start(seed: number): Promise<ChaosContext> {
    const vibe = await startVibe(['--scorer', 'vader', '--tick-ms', '500', '--ttl-s', '60']);
    const keyDir = mkdtempSync(join(tmpdir(), 'pt-chaos-vibe-key-'));
    const keyFile = join(keyDir, 'agent.key');
    writeFileSync(keyFile, `${vibe.apiKey}\n`, { mode: 0o600 });
    const rig = await AgentRig.start(seed, ['--vibe-url', vibe.url, '--vibe-key-file', keyFile]);
    // Sentiment tuned so the kill switch is observable within seconds (flags keep url and key).
    const config = { vibe: { url: vibe.url, pollIntervalS: 1, killAfterS: 3 } };
    writeFileSync(join(rig.dataDir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
    const wsProxy = await startWsCutProxy(rig.sim.ws);
    rig.wsUrl = wsProxy.ws;
    const ctx = new ChaosContext(rig, vibe, wsProxy, keyDir);
    await rig.launch();
    ctx.monitor.start();
    ctx.balances.start();
    return ctx;
  }

  async close(): Promise<void> {
    this.monitor.stop();
    this.balances.stop();
    await this.rig.terminate().catch(() => null);
    await this.rig.close();
    await this.wsProxy.close();
    await this.vibe.stop();
    rmSync(this.keyDir, { recursive: true, force: true });
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    return this.rig.call(method, path, body);
  }

  /** `POST /_sim…` (or another method) on the simulator's admin API; throws unless 200. */
  async admin(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
    const res = await this.rig.sim.admin(path, body, method);
    if (res.status !== 200)
      throw new Error(`sim admin ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  }

  /** The agent's own account on the venue. */
  venue(): KalshiHttp {
    return this.rig.agentAccount();
  }

  clientOrderId(label: string): string {
    this.sequence += 1;
    return `pt-chaos-${label}-${this.sequence}-${Date.now()}`;
  }

  /** Everything the running agent has logged (stderr) so far. */
  log(): string {
    return this.rig.running?.agent.stderr() ?? '';
  }

  /** Resolves when the agent's log after `fromOffset` contains `text`. */
  async waitForLog(text: string, fromOffset: number, timeoutMs = 20_000): Promise<void> {
    await eventually(
      () => Promise.resolve(this.log().slice(fromOffset).includes(text) ? true : undefined),
      `log "${text}"`,
      timeoutMs,
    );
  }

  async tradingState(): Promise<TradingState> {
    return TradingState.parse(await (await this.call('GET', '/v1/trading-state')).json());
  }

  /** Switches trading back on (after a halt) and waits for the gate to open. */
  async resume(reason: string): Promise<void> {
    if ((await this.tradingState()).mode !== 'active') {
      const res = await this.call('POST', '/v1/trading-state', { mode: 'active', reason });
      if (res.status !== 200) throw new Error(`resume answered ${res.status}: ${await res.text()}`);
    }
    await this.rig.waitForActive();
  }

  /** A GTC bid at 1¢ on `ticker`: it rests far below the book. */
  restingBid(ticker: MarketTicker, clientOrderId: string): Record<string, unknown> {
    return {
      ticker,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
      clientOrderId,
    };
  }

  /** The agent's order for `clientOrderId`, when its status is one of `statuses`. */
  async orderIn(
    clientOrderId: string,
    statuses: readonly Order['status'][],
    timeoutMs = 20_000,
  ): Promise<Order> {
    return eventually(
      async () => {
        const order = await this.rig.order(clientOrderId);
        return order !== undefined && statuses.includes(order.status) ? order : undefined;
      },
      `${clientOrderId} in ${statuses.join('/')}`,
      timeoutMs,
    );
  }
}
