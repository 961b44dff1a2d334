/**
 * TradingControls follows the current environment: each environment's store has its own switch and
 * settings (real SQLite files, one per environment, as the runtime opens them); writes are refused
 * mid-switch; reads mid-switch never touch a store that may be closed.
 */
import type { TradingEnvironment, TradingState } from '@pt/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../lib/errors.js';
import { DEFAULT_RISK_SETTINGS } from '../risk/index.js';
import { openStore, type Store } from '../store/index.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { TradingControls, type ControlsRuntime } from './trading-controls.js';
import { laptop, venueOpen } from './test-store.js';

/** The runtime's surface over real stores: the current environment, its gate, a switch under way. */
class Runtime implements ControlsRuntime {
  environment: TradingEnvironment = 'sim';
  switching: TradingEnvironment | undefined;
  gate: TradingState = venueOpen;
  readonly stores = new Map<TradingEnvironment, Store>();
  constructor(private readonly dataDir: string) {}
  current() {
    let store = this.stores.get(this.environment);
    if (store === undefined) {
      store = openStore({ dataDir: this.dataDir, environment: this.environment, logger: silentLogger });
      this.stores.set(this.environment, store);
    }
    return { environment: this.environment, store };
  }
  tradingState(): TradingState {
    if (this.switching === undefined) return this.gate;
    return { mode: 'halted', reason: `Switching to ${this.switching}`, changedBy: 'system', sinceMs: 1 };
  }
  switchingTo() {
    return this.switching;
  }
  async reopen(environment: TradingEnvironment): Promise<void> {
    await this.stores.get(environment)?.close();
    this.stores.delete(environment);
  }
}

let temp: { dir: string; remove: () => void };
let runtime: Runtime;
let controls: TradingControls;

beforeEach(() => {
  temp = makeTempDir('pt-controls-env-');
  runtime = new Runtime(temp.dir);
  controls = new TradingControls({ runtime, logger: silentLogger });
});
afterEach(async () => {
  await Promise.all([...runtime.stores.values()].map((store) => store.close()));
  temp.remove();
});

describe('TradingControls', () => {
  it('keeps each environment its own halt and limits', async () => {
    await controls.haltBySystem('daily_loss', 'Daily loss limit reached');
    await controls.updateRiskSettings({ maxOpenOrders: 4 }, laptop);
    expect(controls.tradingState()).toMatchObject({ mode: 'halted', changedBy: 'system' });

    runtime.environment = 'demo';
    expect(controls.tradingState()).toMatchObject({ mode: 'active' });
    expect(controls.riskSettings()).toEqual(DEFAULT_RISK_SETTINGS);
    await controls.setMode({ mode: 'reducing', reason: 'demo exits only' }, laptop);

    runtime.environment = 'sim';
    expect(controls.tradingState()).toMatchObject({ mode: 'halted', reason: 'Daily loss limit reached' });
    expect(controls.riskSettings().maxOpenOrders).toBe(4);
  });

  it('rebuilds from the environment ledger when its store is reopened (a restart or a switch back)', async () => {
    await controls.haltBySystem('flatten', 'Flatten All pressed');
    await runtime.reopen('sim');
    const fresh = new TradingControls({ runtime, logger: silentLogger });
    expect(fresh.tradingState()).toMatchObject({ mode: 'halted', reason: 'Flatten All pressed' });
    expect(fresh.currentSwitch().systemHalt()?.cause).toBe('flatten');
  });

  it('refuses changes while an environment switch runs, and reads without touching the store', async () => {
    expect(controls.tradingState().mode).toBe('active');
    runtime.switching = 'demo';
    await runtime.stores.get('sim')?.close();
    for (const write of [
      () => controls.setMode({ mode: 'active', reason: 'x' }, laptop),
      () => controls.haltBySystem('drawdown', 'x'),
      () => controls.updateRiskSettings({ maxOpenOrders: 3 }, laptop),
    ]) {
      const err: unknown = await write().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AgentError);
      expect(err).toMatchObject({ code: 'CONFLICT', retryable: true });
      expect((err as AgentError).message).toMatch(/^Switching to demo/);
    }
    // The cached switch answers, composed with the runtime's "switching" halt.
    expect(controls.tradingState()).toMatchObject({ mode: 'halted', reason: 'Switching to demo' });
    runtime.environment = 'demo';
    // No controls opened yet for demo: the runtime's own state, not a read of a store mid-switch.
    expect(controls.tradingState()).toMatchObject({ mode: 'halted', reason: 'Switching to demo' });
    runtime.switching = undefined;
    expect(controls.tradingState()).toMatchObject({ mode: 'active' });
  });

  it('a resume (active or reducing) is the human decision that clears venue halts; a halt is not', async () => {
    const resumes: string[] = [];
    const withHook = new TradingControls({
      runtime,
      logger: silentLogger,
      onHumanResume: (device) => resumes.push(device.name),
    });
    await withHook.setMode({ mode: 'halted', reason: 'lunch' }, laptop);
    expect(resumes).toEqual([]);
    await withHook.setMode({ mode: 'reducing', reason: 'unwind' }, laptop);
    await withHook.setMode({ mode: 'active', reason: 'back' }, laptop);
    expect(resumes).toEqual([laptop.name, laptop.name]);
    runtime.switching = 'demo';
    await expect(withHook.setMode({ mode: 'active', reason: 'x' }, laptop)).rejects.toThrow(AgentError);
    expect(resumes).toHaveLength(2);
  });

  it('tells listeners which environment changed', async () => {
    const states: string[] = [];
    const settings: string[] = [];
    controls.onTradingStateChanged(({ environment, tradingState }) =>
      states.push(`${environment}:${tradingState.mode}`),
    );
    controls.onRiskSettingsChanged(({ environment, settings: s }) =>
      settings.push(`${environment}:${s.maxOpenOrders}`),
    );
    await controls.setMode({ mode: 'halted', reason: 'lunch' }, laptop);
    runtime.environment = 'demo';
    await controls.updateRiskSettings({ maxOpenOrders: 2 }, laptop);
    expect(states).toEqual(['sim:halted']);
    expect(settings).toEqual(['demo:2']);
  });
});
